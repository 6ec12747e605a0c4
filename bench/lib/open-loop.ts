import { Agent, request } from 'node:http';
import type { Figures, Scenario } from './scenarios';

/**
 * Latency at a given rate, measured as clients arrive: independently, at exponentially distributed intervals (a
 * Poisson process), whether or not earlier requests have been answered. autocannon's `overallRate` instead fires each
 * of its connections on a shared beat, so all of them arrive in the same millisecond and the last in the burst waits
 * for the others: at a tenth of the service's capacity its p50 was still three times a lone request's. Latency is
 * counted from the moment a request was due, not from when it went out, so a stalled service cannot hide its own
 * queue (coordinated omission).
 */
export async function runOpenLoop(baseUrl: string, scenario: Scenario, options: { seconds: number; rate: number }): Promise<Figures> {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const templates = scenario.requests();
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let failures = 0;
  let sent = 0;
  const inFlight = new Set<Promise<void>>();

  const send = (due: number): Promise<void> => {
    const template = templates[sent++ % templates.length];
    const context: Record<string, unknown> = {};
    const raw = template.setupRequest ? template.setupRequest({ ...template }, context) : template;
    return new Promise<void>((resolve) => {
      const req = request(
        { host: url.hostname, port: url.port, method: raw.method ?? 'GET', path: raw.path, headers: raw.headers, agent, timeout: 30_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            latencies.push(performance.now() - due);
            const status = res.statusCode ?? 0;
            statusCounts[status] = (statusCounts[status] ?? 0) + 1;
            template.onResponse?.(status, Buffer.concat(chunks).toString('utf8'), context, res.headers as Record<string, string | string[]>);
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        failures += 1;
        resolve();
      });
      req.end(raw.body);
    });
  };

  const started = performance.now();
  const end = started + options.seconds * 1000;
  let due = started;
  while (true) {
    due += (-Math.log(1 - Math.random()) * 1000) / options.rate;
    if (due >= end) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const pending = send(due);
    inFlight.add(pending);
    void pending.then(() => inFlight.delete(pending));
  }
  await Promise.all(inFlight);
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  return figuresOf(scenario, { seconds, latencies, statusCounts, failures, targetRate: options.rate });
}

export function figuresOf(
  scenario: Scenario,
  run: { seconds: number; latencies: number[]; statusCounts: Record<string, number>; failures: number; targetRate: number },
): Figures {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length === 0 ? NaN : Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]));
  const answered = Object.values(run.statusCounts).reduce((sum, n) => sum + n, 0);
  const unexpected = Object.entries(run.statusCounts)
    .filter(([status]) => !scenario.expected.includes(Number(status)))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    seconds: run.seconds,
    connections: 0,
    targetRate: run.targetRate,
    rps: (run.statusCounts[String(scenario.success)] ?? 0) / run.seconds,
    totalRps: answered / run.seconds,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: sorted.length === 0 ? NaN : Math.round(sorted[sorted.length - 1]),
    errors: unexpected + run.failures,
    statusCounts: run.statusCounts,
  };
}
