import { parseLegalDate } from '../calendar/legal-date';
import type { CaseAccessFacts, CaseViewer } from '../cases/case-access-rules';
import { assistanceProblems, isSelfApproval, mayDecideAssistance, mayProposeAssistance, periodProblems, type AssistanceDraft } from './hardship-rules';

const facts = { applicantCount: 12, receivedOn: parseLegalDate('2026-09-16'), today: parseLegalDate('2026-09-20') };
const draft = (overrides: Partial<AssistanceDraft> = {}): AssistanceDraft => ({ kind: 'RELIEF_FUNDS', amount: '2000.00', givenOn: '2026-09-20', ...overrides });
const fieldsAndCodes = (d: AssistanceDraft) => assistanceProblems(d, facts).map(({ field, code }) => ({ field, code }));

describe('hardship assistance rules', () => {
  describe(assistanceProblems.name, () => {
    it('accepts a worker-level and a case-level proposal', () => {
      expect(fieldsAndCodes(draft({ applicantPosition: 11 }))).toEqual([]);
      expect(fieldsAndCodes(draft({ applicantPosition: null }))).toEqual([]);
      expect(fieldsAndCodes(draft())).toEqual([]);
    });

    it.each(['RELIEF_FUNDS', 'FESTIVAL_CONDOLENCE', 'MEDICAL_MUTUAL_AID'] as const)('requires an amount for %s, absent or null', (kind) => {
      expect(fieldsAndCodes(draft({ kind, amount: undefined }))).toEqual([{ field: 'amount', code: 'REQUIRED' }]);
      expect(fieldsAndCodes(draft({ kind, amount: null }))).toEqual([{ field: 'amount', code: 'REQUIRED' }]);
    });

    it.each(['LEGAL_AID', 'JOB_REFERRAL'] as const)('forbids an amount for %s, a service', (kind) => {
      expect(fieldsAndCodes(draft({ kind, amount: '100.00' }))).toEqual([{ field: 'amount', code: 'FORBIDDEN' }]);
      expect(fieldsAndCodes(draft({ kind, amount: undefined }))).toEqual([]);
    });

    it('leaves the amount of OTHER optional', () => {
      expect(fieldsAndCodes(draft({ kind: 'OTHER', amount: undefined }))).toEqual([]);
      expect(fieldsAndCodes(draft({ kind: 'OTHER', amount: '50' }))).toEqual([]);
    });

    it('refuses a position past the last applicant, naming the range', () => {
      const [problem] = assistanceProblems(draft({ applicantPosition: 12 }), facts);
      expect(problem).toEqual({ field: 'applicantPosition', code: 'OUT_OF_RANGE', message: expect.stringContaining('between 0 and 11') });
    });

    it('takes givenOn from the receipt date up to 30 days ahead of today', () => {
      expect(fieldsAndCodes(draft({ givenOn: '2026-09-16' }))).toEqual([]);
      expect(fieldsAndCodes(draft({ givenOn: '2026-09-15' }))).toEqual([{ field: 'givenOn', code: 'OUT_OF_RANGE' }]);
      expect(fieldsAndCodes(draft({ givenOn: '2026-10-20' }))).toEqual([]);
      expect(fieldsAndCodes(draft({ givenOn: '2026-10-21' }))).toEqual([{ field: 'givenOn', code: 'FUTURE_DATE' }]);
    });

    it('answers every broken rule at once, one per field', () => {
      expect(fieldsAndCodes(draft({ applicantPosition: 40, amount: undefined, givenOn: '2026-01-01' }))).toEqual([
        { field: 'applicantPosition', code: 'OUT_OF_RANGE' },
        { field: 'amount', code: 'REQUIRED' },
        { field: 'givenOn', code: 'OUT_OF_RANGE' },
      ]);
    });
  });

  describe(periodProblems.name, () => {
    it('takes a one-day period and refuses one that ends before it starts', () => {
      expect(periodProblems('2026-09-01', '2026-09-01')).toEqual([]);
      expect(periodProblems('2026-09-02', '2026-09-01')).toEqual([{ field: 'to', code: 'INCONSISTENT', message: expect.any(String) }]);
    });
  });

  describe('who may act', () => {
    const kase: CaseAccessFacts = { organizationId: 'org', state: 'mediation.active', assignedMediatorId: 'm1', courtOrgId: 'court', reviewCourtId: null };
    const viewer = (role: CaseViewer['role'], id = 'u', organizationId = 'org'): CaseViewer => ({ id, role, organizationId });

    it('lets the assigned mediator and a supervisor of the organization propose, and nobody else', () => {
      expect(mayProposeAssistance(viewer('MEDIATOR', 'm1'), kase)).toBe(true);
      expect(mayProposeAssistance(viewer('MEDIATOR', 'm2'), kase)).toBe(false);
      expect(mayProposeAssistance(viewer('SUPERVISOR'), kase)).toBe(true);
      expect(mayProposeAssistance(viewer('SUPERVISOR', 'u', 'other'), kase)).toBe(false);
      expect(mayProposeAssistance(viewer('ADMIN'), kase)).toBe(false);
      expect(mayProposeAssistance(viewer('COURT_LIAISON', 'l', 'court'), kase)).toBe(false);
    });

    it('lets only a supervisor of the organization decide', () => {
      expect(mayDecideAssistance(viewer('SUPERVISOR'), kase)).toBe(true);
      expect(mayDecideAssistance(viewer('SUPERVISOR', 'u', 'other'), kase)).toBe(false);
      expect(mayDecideAssistance(viewer('MEDIATOR', 'm1'), kase)).toBe(false);
      expect(mayDecideAssistance(viewer('ADMIN'), kase)).toBe(false);
    });

    it('treats approving one\'s own proposal as self-approval, rejecting it not', () => {
      expect(isSelfApproval('APPROVE', 'ABC', 'abc')).toBe(true);
      expect(isSelfApproval('REJECT', 'abc', 'abc')).toBe(false);
      expect(isSelfApproval('APPROVE', 'abc', 'def')).toBe(false);
    });
  });
});
