import { DataSource } from 'typeorm';
import { verifyChains, type AuditRecord } from '../../src/audit/audit-chain';
import { CaseIntakeService } from '../../src/cases/case-intake.service';
import { FixedClock } from '../../src/common/clock/clock';
import {
  applicant,
  collectiveCaseBody,
  createCase,
  EXAMPLE_RESIDENT_ID,
  individualCaseBody,
  INTAKE_NOW,
  type CaseDetail,
} from '../factories/case.factory';
import { createOrganization } from '../factories/organization.factory';
import { createSignedInUser, type SignedInUser } from '../factories/user.factory';
import { createTestApp, type TestApp } from '../helpers/test-app';

interface AuditRow {
  action: string;
  category: string;
  case_id: string;
  org_id: string;
  actor_user_id: string;
  to_state: string;
  case_version: number;
  request_id: string;
  payload: Record<string, unknown>;
}

describe(CaseIntakeService.name, () => {
  let t: TestApp;
  let mediator: SignedInUser;
  let supervisor: SignedInUser;
  let prefix: string;
  const clock = new FixedClock(new Date(INTAKE_NOW));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const studio = await createOrganization(t, { kind: 'UNION' });
    prefix = studio.caseNumberPrefix;
    mediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: studio.id });
    supervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: studio.id });
  });

  afterAll(async () => {
    await t.close();
  });

  afterEach(() => {
    clock.set(INTAKE_NOW);
  });

  const post = (payload: unknown, user: SignedInUser = supervisor, headers: Record<string, string> = {}) =>
    t.request({ method: 'POST', url: '/api/cases', payload: payload as object, headers: { ...user.auth, ...headers } });

  const query = <T>(sql: string, params: unknown[] = []) => t.app.get(DataSource).query(sql, params) as Promise<T[]>;

  function deadlinesByKind(detail: CaseDetail) {
    return Object.fromEntries(detail.deadlines.map((d) => [d.kind, { startsOn: d.startsOn, dueOn: d.dueOn, status: d.status, verified: d.calendarVerified }]));
  }

  describe('POST /api/cases', () => {
    it('registers an individual case in intake.registered at version 1 with its opening deadlines', async () => {
      const res = await post(individualCaseBody(), mediator, { 'x-request-id': 'intake-individual-1' });

      expect(res.statusCode).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      const body = res.json() as CaseDetail;
      expect(res.headers.location).toBe(`/api/cases/${body.id}`);
      expect(body).toMatchObject({
        caseNumber: expect.stringMatching(new RegExp(`^${prefix}-2026-\\d{6}$`)),
        state: 'intake.registered',
        version: 1,
        machineVersion: 1,
        source: 'WALK_IN',
        receivedAt: '2026-09-16T01:30:00.000Z',
        receivedOn: '2026-09-16',
        workerCount: 1,
        collective: false,
        totalClaimed: '30600.00',
        riskLevel: 'BLUE',
        riskReasons: [],
        assignedMediator: null,
        createdBy: { id: mediator.user.id, displayName: mediator.user.displayName },
      });
      // DOMAIN §4: 3 working days from 09-16 count Thu 17, Fri 18 and Sunday 20 (a make-up workday); 15 days end on
      // Oct 1, inside National Day, so the period rolls to Oct 8 (E1); the limitation from 2025-10-01 likewise (E14).
      expect(deadlinesByKind(body)).toEqual({
        ACCEPTANCE_DECISION: { startsOn: '2026-09-16', dueOn: '2026-09-20', status: 'PENDING', verified: true },
        MEDIATION_PERIOD: { startsOn: '2026-09-16', dueOn: '2026-10-08', status: 'PENDING', verified: true },
        ARBITRATION_LIMITATION: { startsOn: '2025-10-01', dueOn: '2026-10-08', status: 'PENDING', verified: true },
      });
    });

    it('leaves a mediator’s new case unassigned, in the intake queue, where any mediator of the studio may accept it', async () => {
      const created = await createCase(t, mediator);

      expect(created.assignedMediator).toBeNull();
      expect(created.allowedEvents).toEqual(expect.arrayContaining(['ACCEPT', 'REJECT', 'ASSIGN_MEDIATOR', 'WITHDRAW']));
      const [row] = await query<{ assigned_mediator_id: string | null }>('SELECT assigned_mediator_id FROM cases WHERE id = $1', [created.id]);
      expect(row.assigned_mediator_id).toBeNull();
    });

    it('registers a collective case of 12 migrant workers with 3 representatives', async () => {
      const res = await post(collectiveCaseBody());

      expect(res.statusCode).toBe(201);
      const body = res.json() as CaseDetail;
      expect(body).toMatchObject({ collective: true, workerCount: 12, migrantWorkers: 12, arrearsMonths: 2, totalClaimed: '186000.00', riskFlags: ['HARDSHIP'] });
      expect(body.applicants).toHaveLength(12);
      // A pay claim of former employees runs from the end of employment, 2026-07-31 (LDMAL Art.27 ¶4).
      expect(deadlinesByKind(body).ARBITRATION_LIMITATION).toEqual({ startsOn: '2026-07-31', dueOn: '2027-08-02', status: 'PENDING', verified: false });
    });

    it('stores one deadline row per machine deadline, keyed by the machine’s key', async () => {
      const created = await createCase(t, supervisor);

      const rows = await query<{ key: string; kind: string }>('SELECT key, kind FROM deadlines WHERE case_id = $1 ORDER BY position', [created.id]);
      expect(rows).toEqual([
        { key: 'ACCEPTANCE_DECISION#1', kind: 'ACCEPTANCE_DECISION' },
        { key: 'MEDIATION_PERIOD#1', kind: 'MEDIATION_PERIOD' },
        { key: 'ARBITRATION_LIMITATION#1', kind: 'ARBITRATION_LIMITATION' },
      ]);
      expect(created.deadlines.map((d) => d.key)).toEqual(rows.map((r) => r.key));
    });

    it('writes one CASE_CREATED audit row with the masked intake summary and never the raw ID number', async () => {
      const res = await post(individualCaseBody(), supervisor, { 'x-request-id': 'intake-audit-1' });
      const created = res.json() as CaseDetail;

      const rows = await query<AuditRow>('SELECT * FROM audit_entries WHERE case_id = $1', [created.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        action: 'CASE_CREATED',
        category: 'CASE',
        org_id: supervisor.user.organizationId,
        actor_user_id: supervisor.user.id,
        to_state: 'intake.registered',
        case_version: 1,
        request_id: 'intake-audit-1',
      });
      expect(rows[0].payload).toMatchObject({
        caseNumber: created.caseNumber,
        applicants: [expect.objectContaining({ idNumberMasked: '2204**********1231', phoneMasked: '138****2345' })],
        respondent: expect.objectContaining({ contactPhoneMasked: '********1234' }),
      });
      const [{ leaks }] = await query<{ leaks: number }>(
        `SELECT count(*)::int AS leaks FROM audit_entries WHERE payload::text LIKE '%' || $1 || '%' OR payload::text LIKE '%13843712345%'`,
        [EXAMPLE_RESIDENT_ID],
      );
      expect(leaks).toBe(0);
    });

    it('appends CASE_CREATED to the case’s own hash chain, which verifies', async () => {
      const created = await createCase(t, supervisor, collectiveCaseBody());

      const rows = await query<AuditRecord>(
        `SELECT seq::text AS seq, chain_id AS "chainId", chain_seq AS "chainSeq",
                to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
                actor_user_id AS "actorUserId", actor_role AS "actorRole", org_id AS "orgId", case_id AS "caseId",
                category, action, from_state AS "fromState", to_state AS "toState", case_version AS "caseVersion",
                request_id AS "requestId", payload, prev_hash AS "prevHash", hash
         FROM audit_entries WHERE chain_id = $1 ORDER BY chain_seq`,
        [`case:${created.id}`],
      );
      const heads = await query<{ last_chain_seq: number; last_hash: string }>('SELECT last_chain_seq, last_hash FROM audit_chain_heads WHERE chain_id = $1', [
        `case:${created.id}`,
      ]);
      const head = new Map([[`case:${created.id}`, { lastChainSeq: heads[0].last_chain_seq, lastHash: heads[0].last_hash }]]);

      // A collective case is YELLOW from the start, so its RISK_LEVEL alert is raised in the same transaction, after.
      expect(rows.map((r) => [r.chainSeq, r.action])).toEqual([[1, 'CASE_CREATED'], [2, 'ALERT_RAISED']]);
      expect(verifyChains(rows, head)).toEqual({ ok: true, checked: 2 });
    });

    it('stores ID numbers and phones encrypted, with blind indexes, never in clear', async () => {
      const created = await createCase(t, supervisor);

      const [row] = await query<Record<string, string>>('SELECT * FROM case_applicants WHERE case_id = $1', [created.id]);
      expect(row.id_number_enc).toMatch(/^v1\./);
      expect(row.phone_enc).toMatch(/^v1\./);
      expect(row.id_number_index).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(EXAMPLE_RESIDENT_ID);
      const [caseRow] = await query<Record<string, unknown>>('SELECT * FROM cases WHERE id = $1', [created.id]);
      expect(JSON.stringify(caseRow)).not.toContain('0437-3221234');
    });

    it('numbers cases <prefix>-<Shanghai year>-<6 digits> in sequence, uniquely under 10 concurrent creates', async () => {
      const organization = await createOrganization(t, { kind: 'UNION', caseNumberPrefix: 'LYSEQ' });
      const clerk = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: organization.id });

      const responses = await Promise.all(Array.from({ length: 10 }, () => post(individualCaseBody(), clerk)));

      expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
      const numbers = responses.map((r) => (r.json() as CaseDetail).caseNumber).sort();
      expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => `LYSEQ-2026-${String(i + 1).padStart(6, '0')}`));
    });

    it('takes the year of the registration in Asia/Shanghai, not UTC', async () => {
      clock.set('2026-12-31T16:30:00Z');
      const organization = await createOrganization(t, { kind: 'UNION', caseNumberPrefix: 'LYNY' });
      const clerk = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: organization.id });

      const created = await createCase(t, clerk, individualCaseBody({ receivedAt: '2026-12-31T16:00:00Z' }));

      expect(created.caseNumber).toBe('LYNY-2027-000001');
      expect(created.receivedOn).toBe('2027-01-01');
    });

    it('registers a delegated court case against the referring court', async () => {
      const court = await createOrganization(t, { kind: 'COURT' });

      const res = await post(individualCaseBody({ source: 'COURT_DELEGATED', courtOrgId: court.id, courtCaseNumber: '（2026）吉0402民诉前调1234号' }));

      expect(res.statusCode).toBe(201);
      // Delegated mediation runs 30 days (Invited Art.27): 2026-10-16.
      expect(res.json()).toMatchObject({ courtOrgId: court.id, courtProcedure: null });
      expect(deadlinesByKind(res.json() as CaseDetail).MEDIATION_PERIOD.dueOn).toBe('2026-10-16');
    });

    it('registers an entrusted case under the simple procedure with its 7-day period', async () => {
      const court = await createOrganization(t, { kind: 'COURT' });

      const res = await post(individualCaseBody({ source: 'COURT_ENTRUSTED', courtOrgId: court.id, courtCaseNumber: '（2026）吉0402民初1234号', courtProcedure: 'SIMPLE' }));

      expect(res.statusCode).toBe(201);
      expect(deadlinesByKind(res.json() as CaseDetail).MEDIATION_PERIOD.dueOn).toBe('2026-09-23');
    });

    it('links a follow-up to an earlier case the user can see', async () => {
      const earlier = await createCase(t, supervisor);

      const res = await post(individualCaseBody({ relatedCaseId: earlier.id }));

      expect(res.statusCode).toBe(201);
      expect(res.json().relatedCaseId).toBe(earlier.id);
    });

    it.each(['ADMIN', 'COURT_LIAISON'] as const)('answers 403 FORBIDDEN to a %s', async (role) => {
      const user = await createSignedInUser(t, { role });

      const res = await post(individualCaseBody(), user);

      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    });
  });

  describe('validation', () => {
    async function problems(payload: unknown) {
      const res = await post(payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      return (res.json().details as { field: string; code: string }[]).map(({ field, code }) => ({ field, code }));
    }

    it('answers one detail per bad field, with paths into the arrays', async () => {
      const body = individualCaseBody({
        source: 'BY_PIGEON',
        applicants: [applicant({ idNumber: '220402199003071232', phone: '12345' })],
        claims: [{ type: 'OVERTIME', amount: '-5', description: '加班费' }],
        workerCount: 0,
      });

      expect(await problems(body)).toEqual(
        expect.arrayContaining([
          { field: 'source', code: 'INVALID_FORMAT' },
          { field: 'applicants[0].idNumber', code: 'ID_CHECKSUM' },
          { field: 'applicants[0].phone', code: 'INVALID_FORMAT' },
          { field: 'claims[0].amount', code: 'INVALID_FORMAT' },
          { field: 'workerCount', code: 'OUT_OF_RANGE' },
        ]),
      );
      expect(await problems(body)).toHaveLength(5);
    });

    it('refuses a JSON number as an amount', async () => {
      const body = individualCaseBody({ claims: [{ type: 'OVERTIME', amount: 18600, description: '加班费' }] });

      expect(await problems(body)).toEqual([{ field: 'claims[0].amount', code: 'INVALID_FORMAT' }]);
    });

    it('refuses unknown fields at any depth as FORBIDDEN', async () => {
      const body = individualCaseBody({ priority: 'HIGH', respondent: { name: '某公司', taxId: 'x' } });

      expect(await problems(body)).toEqual(
        expect.arrayContaining([
          { field: 'priority', code: 'FORBIDDEN' },
          { field: 'respondent.taxId', code: 'FORBIDDEN' },
        ]),
      );
    });

    it('answers REQUIRED for missing fields and TOO_FEW for an empty list', async () => {
      const { receivedAt: _receivedAt, ...body } = individualCaseBody({ claims: [] });

      const found = await problems(body);
      expect(found).toEqual(expect.arrayContaining([{ field: 'receivedAt', code: 'REQUIRED' }, { field: 'claims', code: 'TOO_FEW' }]));
      expect(found).toHaveLength(2);
    });

    it('answers the cross-field rules together', async () => {
      const union = await createOrganization(t, { kind: 'UNION' });
      const body = individualCaseBody({
        source: 'COURT_ENTRUSTED',
        courtOrgId: union.id,
        receivedAt: '2026-09-16T10:30:00+08:00',
        workerCount: 2,
        claims: [{ type: 'WAGE_ARREARS', description: '工资' }],
      });

      expect(await problems(body)).toEqual([
        { field: 'courtOrgId', code: 'INCONSISTENT' },
        { field: 'courtCaseNumber', code: 'REQUIRED' },
        { field: 'courtProcedure', code: 'REQUIRED' },
        { field: 'receivedAt', code: 'FUTURE_DATE' },
        { field: 'workerCount', code: 'INCONSISTENT' },
        { field: 'arrearsMonths', code: 'REQUIRED' },
        { field: 'claims[0].amount', code: 'REQUIRED' },
      ]);
    });

    it('refuses a related case the user cannot see', async () => {
      const elsewhere = await createSignedInUser(t, { role: 'SUPERVISOR' });
      const foreign = await createCase(t, elsewhere);

      expect(await problems(individualCaseBody({ relatedCaseId: foreign.id }))).toEqual([{ field: 'relatedCaseId', code: 'INCONSISTENT' }]);
    });

    it('writes nothing for a refused request', async () => {
      const [{ before }] = await query<{ before: number }>('SELECT count(*)::int AS before FROM cases');

      await problems(individualCaseBody({ workerCount: 3 }));

      const [{ after }] = await query<{ after: number }>('SELECT count(*)::int AS after FROM cases');
      expect(after).toBe(before);
    });
  });
});
