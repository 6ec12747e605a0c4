import { describe, expect, it } from 'vitest';
import { dueOnProblem, instalmentAmountProblem, itemAmountProblem, termsTotals, toTermsPayload, type TermsDraft } from './agreement-terms';
import { fromFen, isAmount, sumAmounts, toFen } from './money';

describe('agreement amounts', () => {
  it('adds decimal strings exactly, in fen, where floats would drift', () => {
    expect(sumAmounts(['0.1', '0.2'])).toBe('0.30');
    expect(sumAmounts(['12800', '6400.5', '0.05'])).toBe('19200.55');
    expect(sumAmounts(['999999999999.99', '0.01'])).toBe('1000000000000.00');
    expect(fromFen(toFen('12800.5') - toFen('12800.51'))).toBe('-0.01');
  });

  it('accepts what the API accepts: up to 12 integer digits, up to 2 decimals, above zero', () => {
    for (const good of ['1', '0.01', '12800.00', '12800.5', '999999999999.99']) expect({ good, ok: isAmount(good) }).toEqual({ good, ok: true });
    for (const bad of ['0', '0.00', '-1', '1e3', '12800.005', '1,000', ' ', '', '1234567890123', '.5', '5.']) {
      expect({ bad, ok: isAmount(bad) }).toEqual({ bad, ok: false });
    }
  });
});

describe('agreement terms totals', () => {
  const draft: TermsDraft = {
    items: [
      { kind: 'WAGES', description: '拖欠工资', amount: '12800.00' },
      { kind: 'ECONOMIC_COMPENSATION', description: '经济补偿', amount: '6400.10' },
      { kind: 'NON_MONETARY', description: '出具离职证明' },
    ],
    schedule: [
      { dueOn: '2026-12-10', amount: '10000' },
      { dueOn: '2027-01-10', amount: '9200.10' },
    ],
  };

  it('totals the money items only, and the schedule against them', () => {
    expect(termsTotals(draft)).toEqual({ agreedTotal: '19200.10', scheduledTotal: '19200.10', difference: '0.00', balanced: true });
  });

  it('reports a schedule one fen short as unbalanced, with the difference', () => {
    const short = { ...draft, schedule: [{ dueOn: '2026-12-10', amount: '10000' }, { dueOn: '2027-01-10', amount: '9200.09' }] };
    expect(termsTotals(short)).toMatchObject({ scheduledTotal: '19200.09', difference: '0.01', balanced: false });
  });

  it('counts half-typed or malformed amounts as nothing instead of failing', () => {
    expect(termsTotals({ items: [{ kind: 'WAGES', amount: '12,800' }, undefined, { kind: 'WAGES', amount: '100' }], schedule: [{ amount: 'abc' }] })).toMatchObject({
      agreedTotal: '100.00',
      scheduledTotal: '0.00',
      balanced: false,
    });
  });

  it('counts an amount left on an item switched to non-monetary as nothing', () => {
    expect(termsTotals({ items: [{ kind: 'NON_MONETARY', amount: '500' }], schedule: [] }).agreedTotal).toBe('0.00');
  });
});

describe('agreement terms field checks', () => {
  it('wants an amount on a money item and none on a non-monetary one', () => {
    expect(itemAmountProblem({ kind: 'WAGES' })).toBe('amountRequired');
    expect(itemAmountProblem({ kind: 'WAGES', amount: '0' })).toBe('moneyFormat');
    expect(itemAmountProblem({ kind: 'WAGES', amount: '12800.001' })).toBe('moneyFormat');
    expect(itemAmountProblem({ kind: 'DAMAGES', amount: ' 5000.5 ' })).toBeUndefined();
    expect(itemAmountProblem({ kind: 'NON_MONETARY' })).toBeUndefined();
    expect(itemAmountProblem({ kind: 'NON_MONETARY', amount: '1' })).toBe('amountForbidden');
  });

  it('wants every instalment to carry a well-formed amount above zero', () => {
    expect(instalmentAmountProblem(undefined)).toBe('amountRequired');
    expect(instalmentAmountProblem('0.00')).toBe('moneyFormat');
    expect(instalmentAmountProblem('6400')).toBeUndefined();
  });

  it('wants due dates from today on, strictly increasing', () => {
    const schedule = [{ dueOn: '2026-12-01' }, { dueOn: '2026-12-01' }, { dueOn: '2026-11-30' }, { dueOn: '2027-01-05' }];
    expect(dueOnProblem(schedule, 0, '2026-12-01')).toBeUndefined();
    expect(dueOnProblem(schedule, 1, '2026-12-01')).toBe('datesIncreasing');
    expect(dueOnProblem(schedule, 2, '2026-12-01')).toBe('notBeforeToday');
    expect(dueOnProblem(schedule, 3, '2026-12-01')).toBeUndefined();
    expect(dueOnProblem([{ dueOn: '2026-11-30' }], 0, '2026-12-01')).toBe('notBeforeToday');
  });
});

describe(toTermsPayload.name, () => {
  it('numbers the instalments 1, 2, 3, trims text and leaves no amount on a non-monetary item', () => {
    const payload = toTermsPayload(
      {
        facts: ' 事实 ',
        disputedMatters: '争议',
        items: [{ kind: 'WAGES', description: ' 工资 ', amount: ' 100.5 ' }, { kind: 'NON_MONETARY', description: '证明', amount: '3' }],
        schedule: [{ dueOn: '2026-12-10', amount: '50' }, undefined, { dueOn: '2027-01-10', amount: '50.5' }],
        waiverOfOtherClaims: true,
        defaultClause: '  ',
      },
      false,
    );
    expect(payload).toEqual({
      facts: '事实',
      disputedMatters: '争议',
      items: [{ kind: 'WAGES', description: '工资', amount: '100.5' }, { kind: 'NON_MONETARY', description: '证明' }],
      schedule: [{ no: 1, dueOn: '2026-12-10', amount: '50' }, { no: 2, dueOn: '2027-01-10', amount: '50.5' }],
      waiverOfOtherClaims: true,
    });
  });

  it("records the represented workers' consent on a collective case only", () => {
    expect(toTermsPayload({ collectiveConsentRecorded: true }, true).collectiveConsentRecorded).toBe(true);
    expect(toTermsPayload({}, true).collectiveConsentRecorded).toBe(false);
    expect('collectiveConsentRecorded' in toTermsPayload({ collectiveConsentRecorded: true }, false)).toBe(false);
  });
});
