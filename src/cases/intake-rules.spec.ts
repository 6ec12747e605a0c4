import { intakeProblems, legalReceiptDate, totalClaimed, type ApplicantDraft, type IntakeDraft, type IntakeFacts } from './intake-rules';

const NOW = new Date('2026-09-16T02:00:00Z');
const COURT_ID = '5b0c3c52-6f0e-4d7a-9d43-1f1f8f0f8a11';

function applicant(overrides: Partial<ApplicantDraft> = {}): ApplicantDraft {
  return {
    name: '张伟',
    idType: 'RESIDENT_ID',
    idNumber: '220402199003071231',
    employmentRelation: 'FORMER',
    employmentEndedOn: '2026-08-31',
    migrantWorker: false,
    isRepresentative: false,
    ...overrides,
  };
}

function draft(overrides: Partial<IntakeDraft> = {}): IntakeDraft {
  return {
    source: 'WALK_IN',
    receivedAt: '2026-09-16T09:30:00+08:00',
    applicants: [applicant()],
    claims: [{ type: 'OVERTIME', amount: '18600.00' }],
    workerCount: 1,
    migrantWorkers: 0,
    knewOrShouldHaveKnownAt: '2025-10-01',
    ...overrides,
  };
}

/** `n` distinct applicants, the first `representatives` of them representatives. */
function applicants(n: number, representatives = 0, extra: Partial<ApplicantDraft> = {}): ApplicantDraft[] {
  return Array.from({ length: n }, (_, i) => applicant({ idNumber: `ID-${i + 10000}`, idType: 'OTHER', isRepresentative: i < representatives, ...extra }));
}

function collective(overrides: Partial<IntakeDraft> = {}): IntakeDraft {
  return draft({ applicants: applicants(12, 3), workerCount: 12, ...overrides });
}

const facts = (overrides: Partial<IntakeFacts> = {}): IntakeFacts => ({ now: NOW, ...overrides });

function codes(d: IntakeDraft, f: IntakeFacts = facts()) {
  return intakeProblems(d, f).map(({ field, code }) => ({ field, code }));
}

describe(intakeProblems.name, () => {
  it('accepts a complete individual case and a complete collective case', () => {
    expect(codes(draft())).toEqual([]);
    expect(codes(collective())).toEqual([]);
  });

  describe('court fields by source', () => {
    const court = facts({ courtOrgKind: 'COURT' });

    it('accepts a delegated case with its court and with or without the court’s number', () => {
      expect(codes(draft({ source: 'COURT_DELEGATED', courtOrgId: COURT_ID }), court)).toEqual([]);
      expect(codes(draft({ source: 'COURT_DELEGATED', courtOrgId: COURT_ID, courtCaseNumber: '（2026）吉0402民诉前调1号' }), court)).toEqual([]);
    });

    it('accepts an entrusted case with court, number and procedure', () => {
      expect(codes(draft({ source: 'COURT_ENTRUSTED', courtOrgId: COURT_ID, courtCaseNumber: '（2026）吉0402民初1234号', courtProcedure: 'SIMPLE' }), court)).toEqual([]);
    });

    it.each(['COURT_DELEGATED', 'COURT_ENTRUSTED'] as const)('requires courtOrgId for %s', (source) => {
      expect(codes(draft({ source }), facts())).toContainEqual({ field: 'courtOrgId', code: 'REQUIRED' });
    });

    it.each(['WALK_IN', 'HOTLINE', 'ONLINE', 'WRITTEN', 'LABOR_INSPECTION'] as const)('forbids every court field for %s', (source) => {
      expect(codes(draft({ source, courtOrgId: COURT_ID, courtCaseNumber: '（2026）吉0402民初1号', courtProcedure: 'ORDINARY' }), court)).toEqual([
        { field: 'courtOrgId', code: 'FORBIDDEN' },
        { field: 'courtCaseNumber', code: 'FORBIDDEN' },
        { field: 'courtProcedure', code: 'FORBIDDEN' },
      ]);
    });

    it('requires number and procedure of an entrusted case', () => {
      expect(codes(draft({ source: 'COURT_ENTRUSTED', courtOrgId: COURT_ID }), court)).toEqual([
        { field: 'courtCaseNumber', code: 'REQUIRED' },
        { field: 'courtProcedure', code: 'REQUIRED' },
      ]);
    });

    it('forbids a procedure for a delegated case, which no court has filed yet', () => {
      expect(codes(draft({ source: 'COURT_DELEGATED', courtOrgId: COURT_ID, courtProcedure: 'ORDINARY' }), court)).toEqual([
        { field: 'courtProcedure', code: 'FORBIDDEN' },
      ]);
    });

    it.each([
      ['a union', 'UNION' as const],
      ['no organization', null],
    ])('answers INCONSISTENT when courtOrgId names %s', (_what, kind) => {
      expect(codes(draft({ source: 'COURT_DELEGATED', courtOrgId: COURT_ID }), facts({ courtOrgKind: kind }))).toEqual([
        { field: 'courtOrgId', code: 'INCONSISTENT' },
      ]);
    });

    it('treats null as left out', () => {
      expect(codes(draft({ courtOrgId: null as unknown as string, courtProcedure: null as unknown as undefined }))).toEqual([]);
    });
  });

  describe('receivedAt', () => {
    it('allows five minutes of clock skew and refuses more as FUTURE_DATE', () => {
      expect(codes(draft({ receivedAt: '2026-09-16T10:05:00+08:00' }))).toEqual([]);
      expect(codes(draft({ receivedAt: '2026-09-16T10:05:01+08:00' }))).toEqual([{ field: 'receivedAt', code: 'FUTURE_DATE' }]);
    });

    it('accepts two years back to the day and refuses one day more as OUT_OF_RANGE', () => {
      const old = { knewOrShouldHaveKnownAt: '2024-01-01', applicants: [applicant({ employmentEndedOn: '2024-01-01' })] };
      expect(codes(draft({ ...old, receivedAt: '2024-09-16T08:00:00+08:00' }))).toEqual([]);
      expect(codes(draft({ ...old, receivedAt: '2024-09-15T23:59:00+08:00' }))).toEqual([{ field: 'receivedAt', code: 'OUT_OF_RANGE' }]);
    });

    it('counts the legal date in Asia/Shanghai', () => {
      expect(legalReceiptDate('2026-09-15T17:30:00Z')).toBe('2026-09-16');
      expect(legalReceiptDate('2026-09-15T15:59:59Z')).toBe('2026-09-15');
    });
  });

  describe('applicants', () => {
    it.each(['CURRENT', 'DISPATCHED', 'UNCERTAIN'] as const)('forbids employmentEndedOn for a %s employee', (employmentRelation) => {
      expect(codes(draft({ applicants: [applicant({ employmentRelation })] }))).toEqual([{ field: 'applicants[0].employmentEndedOn', code: 'FORBIDDEN' }]);
    });

    it('accepts a FORMER employee without an end date, and a current one without', () => {
      expect(codes(draft({ applicants: [applicant({ employmentEndedOn: undefined })] }))).toEqual([]);
      expect(codes(draft({ applicants: [applicant({ employmentRelation: 'CURRENT', employmentEndedOn: undefined })] }))).toEqual([]);
    });

    it('refuses an end of employment after the legal receipt date as FUTURE_DATE', () => {
      expect(codes(draft({ applicants: [applicant({ employmentEndedOn: '2026-09-16' })] }))).toEqual([]);
      expect(codes(draft({ applicants: [applicant({ employmentEndedOn: '2026-09-17' })] }))).toEqual([
        { field: 'applicants[0].employmentEndedOn', code: 'FUTURE_DATE' },
      ]);
    });

    it('refuses the same person twice, naming the later entry', () => {
      const twice = collective({ applicants: [...applicants(11, 3), applicants(1)[0]] });
      expect(codes(twice)).toEqual([{ field: 'applicants[11].idNumber', code: 'INCONSISTENT' }]);
    });
  });

  describe('individual and collective cases (LDMAL Art.7)', () => {
    it('requires an individual case to list every worker', () => {
      expect(codes(draft({ applicants: applicants(2), workerCount: 3 }))).toEqual([{ field: 'workerCount', code: 'INCONSISTENT' }]);
      expect(codes(draft({ applicants: applicants(9), workerCount: 9 }))).toEqual([]);
    });

    it('refuses a representative in an individual case', () => {
      expect(codes(draft({ applicants: applicants(2, 1), workerCount: 2 }))).toEqual([{ field: 'applicants[0].isRepresentative', code: 'INCONSISTENT' }]);
    });

    it('lets a collective case list fewer applicants than workers, but not more', () => {
      expect(codes(collective({ applicants: applicants(5, 3), workerCount: 40 }))).toEqual([]);
      expect(codes(collective({ applicants: applicants(13, 3), workerCount: 12 }))).toEqual([{ field: 'workerCount', code: 'INCONSISTENT' }]);
    });

    it('makes ten workers collective', () => {
      expect(codes(draft({ applicants: applicants(10), workerCount: 10 }))).toEqual([{ field: 'applicants', code: 'TOO_FEW' }]);
    });

    it.each([
      [2, 'TOO_FEW'],
      [6, 'TOO_MANY'],
    ])('refuses %i representatives as %s', (representatives, code) => {
      expect(codes(collective({ applicants: applicants(12, representatives) }))).toEqual([{ field: 'applicants', code }]);
    });

    it.each([3, 5])('accepts %i representatives', (representatives) => {
      expect(codes(collective({ applicants: applicants(12, representatives) }))).toEqual([]);
    });
  });

  describe('migrantWorkers', () => {
    it('lies between the applicants flagged migrant and workerCount', () => {
      const flagged = applicants(12, 3).map((a, i) => ({ ...a, migrantWorker: i < 4 }));
      expect(codes(collective({ applicants: flagged, workerCount: 20, migrantWorkers: 4 }))).toEqual([]);
      expect(codes(collective({ applicants: flagged, workerCount: 20, migrantWorkers: 20 }))).toEqual([]);
      expect(codes(collective({ applicants: flagged, workerCount: 20, migrantWorkers: 3 }))).toEqual([{ field: 'migrantWorkers', code: 'OUT_OF_RANGE' }]);
      expect(codes(collective({ applicants: flagged, workerCount: 20, migrantWorkers: 21 }))).toEqual([{ field: 'migrantWorkers', code: 'OUT_OF_RANGE' }]);
    });
  });

  describe('arrearsMonths', () => {
    const wages = [{ type: 'WAGE_ARREARS' as const, amount: '9000.00' }];

    it('is required with a WAGE_ARREARS claim, and may be 0 there', () => {
      expect(codes(draft({ claims: wages }))).toEqual([{ field: 'arrearsMonths', code: 'REQUIRED' }]);
      expect(codes(draft({ claims: wages, arrearsMonths: 0 }))).toEqual([]);
      expect(codes(draft({ claims: wages, arrearsMonths: 3 }))).toEqual([]);
    });

    it('is 0 or left out without one', () => {
      expect(codes(draft({ arrearsMonths: 0 }))).toEqual([]);
      expect(codes(draft({ arrearsMonths: 2 }))).toEqual([{ field: 'arrearsMonths', code: 'INCONSISTENT' }]);
    });
  });

  describe('claims', () => {
    it.each(['WAGE_ARREARS', 'OVERTIME', 'ECONOMIC_COMPENSATION'] as const)('requires an amount for %s', (type) => {
      expect(codes(draft({ claims: [{ type }], arrearsMonths: type === 'WAGE_ARREARS' ? 1 : undefined }))).toEqual([
        { field: 'claims[0].amount', code: 'REQUIRED' },
      ]);
    });

    it.each(['SOCIAL_INSURANCE', 'WORK_INJURY', 'CONTRACT_TERMINATION', 'LABOR_RELATIONSHIP', 'OTHER'] as const)('lets a %s claim go without an amount', (type) => {
      expect(codes(draft({ claims: [{ type }] }))).toEqual([]);
    });

    it('refuses amounts that add up beyond numeric(14,2)', () => {
      const big = { type: 'OTHER' as const, amount: '999999999999.99' };
      expect(codes(draft({ claims: [big] }))).toEqual([]);
      expect(codes(draft({ claims: [big, { type: 'OTHER', amount: '0.01' }] }))).toEqual([{ field: 'claims', code: 'OUT_OF_RANGE' }]);
    });

    it('adds the amounts in fen', () => {
      expect(totalClaimed([{ type: 'OVERTIME', amount: '0.1' }, { type: 'OTHER', amount: '0.2' }, { type: 'OTHER' }])).toBe('0.30');
      expect(totalClaimed([{ type: 'OTHER' }])).toBe('0.00');
    });
  });

  describe('knewOrShouldHaveKnownAt', () => {
    it('may be the legal receipt date but not later', () => {
      expect(codes(draft({ receivedAt: '2026-09-15T17:30:00Z', knewOrShouldHaveKnownAt: '2026-09-16' }))).toEqual([]);
      expect(codes(draft({ receivedAt: '2026-09-15T15:30:00Z', knewOrShouldHaveKnownAt: '2026-09-16' }))).toEqual([
        { field: 'knewOrShouldHaveKnownAt', code: 'FUTURE_DATE' },
      ]);
    });
  });

  describe('relatedCaseId', () => {
    const related = { relatedCaseId: '9b0c3c52-6f0e-4d7a-9d43-1f1f8f0f8a11' };

    it('must name a case the user can see', () => {
      expect(codes(draft(related), facts({ relatedCaseVisible: true }))).toEqual([]);
      expect(codes(draft(related), facts({ relatedCaseVisible: false }))).toEqual([{ field: 'relatedCaseId', code: 'INCONSISTENT' }]);
    });
  });

  it('answers every broken rule together, one problem per field', () => {
    const broken = draft({
      source: 'COURT_ENTRUSTED',
      receivedAt: '2026-09-17T09:00:00+08:00',
      applicants: applicants(2, 2, { employmentRelation: 'CURRENT', employmentEndedOn: '2026-01-01' }),
      workerCount: 3,
      migrantWorkers: 5,
      claims: [{ type: 'WAGE_ARREARS' }],
      knewOrShouldHaveKnownAt: '2026-09-18',
    });

    expect(codes(broken)).toEqual([
      { field: 'courtOrgId', code: 'REQUIRED' },
      { field: 'courtCaseNumber', code: 'REQUIRED' },
      { field: 'courtProcedure', code: 'REQUIRED' },
      { field: 'receivedAt', code: 'FUTURE_DATE' },
      { field: 'applicants[0].employmentEndedOn', code: 'FORBIDDEN' },
      { field: 'applicants[1].employmentEndedOn', code: 'FORBIDDEN' },
      { field: 'workerCount', code: 'INCONSISTENT' },
      { field: 'applicants[0].isRepresentative', code: 'INCONSISTENT' },
      { field: 'applicants[1].isRepresentative', code: 'INCONSISTENT' },
      { field: 'migrantWorkers', code: 'OUT_OF_RANGE' },
      { field: 'arrearsMonths', code: 'REQUIRED' },
      { field: 'claims[0].amount', code: 'REQUIRED' },
      { field: 'knewOrShouldHaveKnownAt', code: 'FUTURE_DATE' },
    ]);
  });
});
