import { describe, expect, it } from 'vitest';
import { assistanceStanding } from './assistance-standing';

describe(assistanceStanding.name, () => {
  it('is none without records, or with rejected proposals only', () => {
    expect(assistanceStanding([], '2026-12-01')).toBe('none');
    expect(assistanceStanding([{ status: 'REJECTED', givenOn: '2026-11-20' }], '2026-12-01')).toBe('none');
  });

  it('is proposed while a proposal waits for approval', () => {
    expect(assistanceStanding([{ status: 'REJECTED', givenOn: '2026-11-20' }, { status: 'PROPOSED', givenOn: '2026-11-28' }], '2026-12-01')).toBe('proposed');
  });

  it('is approved once approved help was given by the screening date, and not for help given after it', () => {
    expect(assistanceStanding([{ status: 'APPROVED', givenOn: '2026-11-20' }, { status: 'PROPOSED', givenOn: '2026-11-28' }], '2026-12-01')).toBe('approved');
    expect(assistanceStanding([{ status: 'APPROVED', givenOn: '2026-12-05' }], '2026-12-01')).toBe('none');
  });
});
