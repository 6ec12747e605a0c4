import { ValidationError } from '../common/errors/domain-error';
import { parseEventBody } from './case-event-body';

function problemsOf(body: unknown) {
  try {
    parseEventBody(body);
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('parseEventBody', () => {
  it('returns the type and a plain payload', () => {
    expect(parseEventBody({ type: 'SIGN', party: 'APPLICANT' })).toEqual({ type: 'SIGN', payload: { party: 'APPLICANT' } });
  });

  it('requires a known type', () => {
    expect(problemsOf({ party: 'APPLICANT' })).toEqual([{ field: 'type', code: 'REQUIRED', message: 'type is required' }]);
    expect(problemsOf({ type: 'REOPEN' })[0]).toMatchObject({ field: 'type', code: 'INVALID_FORMAT' });
  });

  it('rejects fields the event does not have', () => {
    expect(problemsOf({ type: 'ACCEPT', mediatorId: 'x' })).toEqual([{ field: 'mediatorId', code: 'FORBIDDEN', message: 'mediatorId is not a known field' }]);
  });

  it('reports nested agreement problems with their paths', () => {
    const problems = problemsOf({
      type: 'REACH_AGREEMENT',
      terms: { facts: 'f', disputedMatters: 'd', waiverOfOtherClaims: true, items: [{ kind: 'WAGES', description: 'w', amount: 12800 }], schedule: [] },
    });
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual(expect.arrayContaining(['terms.items[0].amount:INVALID_FORMAT', 'terms.schedule:TOO_FEW']));
  });

  it('refuses a payload field of the wrong type', () => {
    expect(problemsOf({ type: 'EXTEND', days: '10', applicantConsents: true, respondentConsents: true })[0]).toMatchObject({ field: 'days' });
  });

  it('refuses a body that is not an object', () => {
    expect(problemsOf(['SIGN'])[0]).toMatchObject({ field: 'body', code: 'INVALID_FORMAT' });
  });
});
