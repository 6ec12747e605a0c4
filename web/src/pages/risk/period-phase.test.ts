import { describe, expect, it } from 'vitest';
import { periodPhase, periodsNeedingAttention } from './period-phase';

// National Day 2026 with 7 lead days (DOMAIN §5, example K3: 09-24 is the first day of the lead time).
const NATIONAL_DAY = { startsOn: '2026-10-01', endsOn: '2026-10-07', windowOpensOn: '2026-09-24', active: true };

describe(periodPhase.name, () => {
  it.each([
    ['2026-09-23', 'upcoming'],
    ['2026-09-24', 'inLead'],
    ['2026-09-30', 'inLead'],
    ['2026-10-01', 'inPeriod'],
    ['2026-10-07', 'inPeriod'],
    ['2026-10-08', 'past'],
  ] as const)('on %s is %s', (today, phase) => {
    expect(periodPhase(NATIONAL_DAY, today)).toBe(phase);
  });
});

describe(periodsNeedingAttention.name, () => {
  const winter = { startsOn: '2026-11-15', endsOn: '2027-02-05', windowOpensOn: '2026-11-08', active: true };
  const congress = { startsOn: '2026-06-08', endsOn: '2026-06-12', windowOpensOn: '2026-06-01', active: true };
  const far = { startsOn: '2027-03-03', endsOn: '2027-03-15', windowOpensOn: '2027-02-24', active: true };

  it('keeps the periods under way, in lead time or whose lead time opens within 60 days, soonest first', () => {
    expect(periodsNeedingAttention([far, winter, NATIONAL_DAY, congress], '2026-09-25')).toEqual([NATIONAL_DAY, winter]);
  });

  it('leaves out deactivated periods, which raise nothing', () => {
    expect(periodsNeedingAttention([{ ...NATIONAL_DAY, active: false }], '2026-10-02')).toEqual([]);
  });
});
