import type autocannon from 'autocannon';
import { contentionScenario, toFigures, transitionsScenario } from './scenarios';
import type { SeededCase } from './seed';

const mediator = { id: 'm', organizationId: 'o', token: 't', username: 'u' };

function result(statusCodeStats: Record<string, { count: number }>, extra: Partial<autocannon.Result> = {}): autocannon.Result {
  const latency = { average: 5, mean: 5, stddev: 1, min: 1, max: 40, total: 0, p50: 4, p90: 8, p99: 20, p99_9: 30 };
  return {
    duration: 10,
    latency,
    requests: latency,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    statusCodeStats,
    start: new Date('2026-12-01T00:00:00Z'),
    finish: new Date('2026-12-01T00:00:10Z'),
    ...extra,
  };
}

describe(toFigures.name, () => {
  const cases: SeededCase[] = [{ id: 'c1', version: 4, mediator }];

  it('counts a lost race (412) as an answer under contention, but neither as throughput nor as an error', () => {
    const figures = toFigures(contentionScenario(cases, 20), result({ 200: { count: 300 }, 412: { count: 700 } }), null);
    expect(figures.rps).toBe(30);
    expect(figures.totalRps).toBe(100);
    expect(figures.errors).toBe(0);
  });

  it('counts a 412 as an error where no two requests share a case, and socket errors and timeouts everywhere', () => {
    const figures = toFigures(transitionsScenario(cases, 16), result({ 200: { count: 990 }, 412: { count: 7 }, 500: { count: 3 } }, { errors: 2, timeouts: 1 }), 50);
    expect(figures.rps).toBe(99);
    expect(figures.errors).toBe(7 + 3 + 2 + 1);
    expect(figures.targetRate).toBe(50);
  });
});
