import { machineBusyMs, processCpuMs } from './machine';

describe('CPU samples', () => {
  it('reads utime and stime of a process, even when its command name holds spaces and parentheses', () => {
    const stat = '4242 (node (main) x) S 1 4242 4242 0 -1 4194560 5000 0 0 0 1234 567 0 0 20 0 11 0 100 1000 200';
    expect(processCpuMs(stat)).toBe((1234 + 567) * 10);
  });

  it('counts user, nice, system, irq, softirq and steal as busy, not idle or iowait', () => {
    const stat = 'cpu  100 2 30 9999 888 4 5 6 0 0\ncpu0 50 1 15 5000 444 2 2 3 0 0\n';
    expect(machineBusyMs(stat)).toBe((100 + 2 + 30 + 4 + 5 + 6) * 10);
  });
});
