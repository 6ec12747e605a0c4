import { figuresOf } from './open-loop';
import { contentionScenario, transitionsScenario } from './scenarios';
import type { SeededCase } from './seed';

const cases: SeededCase[] = [{ id: 'c1', version: 4, mediator: { id: 'm', organizationId: 'o', token: 't', username: 'u' } }];

describe(figuresOf.name, () => {
  it('takes nearest-rank percentiles of every latency, so one slow answer in a hundred is the p99', () => {
    const latencies = [...Array.from({ length: 99 }, (_, i) => i + 1), 500];
    const figures = figuresOf(transitionsScenario(cases, 1), { seconds: 10, latencies, statusCounts: { 200: 100 }, failures: 0, targetRate: 10 });
    expect([figures.p50, figures.p90, figures.p99, figures.max]).toEqual([50, 90, 99, 500]);
    expect(figures.rps).toBe(10);
  });

  it('counts unexpected statuses and failed requests as errors, and a lost race under contention as neither', () => {
    const contention = figuresOf(contentionScenario(cases, 4), { seconds: 2, latencies: [1, 2], statusCounts: { 200: 10, 412: 30 }, failures: 0, targetRate: 20 });
    const transitions = figuresOf(transitionsScenario(cases, 1), { seconds: 2, latencies: [1, 2], statusCounts: { 200: 10, 412: 1, 500: 2 }, failures: 3, targetRate: 20 });
    expect([contention.errors, contention.rps, contention.totalRps]).toEqual([0, 5, 20]);
    expect(transitions.errors).toBe(6);
  });
});
