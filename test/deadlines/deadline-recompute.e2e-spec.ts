import { FixedClock } from '../../src/common/clock/clock';
import { DeadlineRecomputeService } from '../../src/deadlines/deadline-recompute.service';
import { CaseDetail, createCase, individualCaseBody, INTAKE_NOW } from '../factories/case.factory';
import { createSignedInUser, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

describe('recounting deadlines when a holiday notice arrives', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date(INTAKE_NOW));
  let supervisor: SignedInUser;
  let mediator: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    supervisor = await createSignedInUser(t, { role: 'SUPERVISOR' });
    mediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: supervisor.user.organizationId });
  });

  afterAll(async () => {
    await t.close();
  });

  async function send(id: string, body: Record<string, unknown>): Promise<void> {
    const res = await t.request({ method: 'POST', url: `/api/cases/${id}/events`, payload: body, headers: mediator.auth });
    if (res.statusCode !== 200) throw new Error(`${String(body.type)} answered ${res.statusCode}: ${res.body}`);
  }

  const detail = async (id: string) => (await t.request({ method: 'GET', url: `/api/cases/${id}`, headers: supervisor.auth })).json() as CaseDetail;

  it('counts a period again on the new calendar, moves its timers, audits it, and leaves the version alone', async () => {
    const { id } = await createCase(t, mediator, individualCaseBody());
    await send(id, { type: 'ACCEPT' });
    await send(id, { type: 'RESPONDENT_CONSENTS', consentedOn: '2026-09-16', channel: 'PHONE' });
    // As the case would stand had it been registered before the 2026 notice shipped: 15 days from 09-16 counted
    // over weekends only end on Thursday 1 October (DOMAIN E1 without the holiday).
    const owner = await t.owner();
    await owner.query(
      `UPDATE cases SET snapshot = jsonb_set(snapshot, '{context,deadlines}', (
         SELECT jsonb_agg(CASE WHEN e->>'kind' = 'MEDIATION_PERIOD' THEN e || '{"dueOn": "2026-10-01", "calendarVerified": false}'::jsonb ELSE e END)
         FROM jsonb_array_elements(snapshot->'context'->'deadlines') e)) WHERE id = $1`,
      [id],
    );
    await owner.query(`UPDATE deadlines SET due_on = '2026-10-01', calendar_verified = false WHERE case_id = $1 AND kind = 'MEDIATION_PERIOD'`, [id]);
    const before = await detail(id);
    expect(before.deadlines.find((d) => d.kind === 'MEDIATION_PERIOD')).toMatchObject({ dueOn: '2026-10-01', calendarVerified: false });

    const service = t.app.get(DeadlineRecomputeService);
    expect(await service.recomputeAll()).toBe(1);
    const after = await detail(id);
    expect(after.deadlines.find((d) => d.kind === 'MEDIATION_PERIOD')).toMatchObject({ dueOn: '2026-10-08', calendarVerified: true });
    expect(after.version).toBe(before.version);
    // The machine's own view moved too: the guard of an early DEADLINE_EXPIRED now counts from 10-08.
    const [snapshot] = (await owner.query(`SELECT e->>'dueOn' AS due FROM cases, jsonb_array_elements(snapshot->'context'->'deadlines') e WHERE id = $1 AND e->>'kind' = 'MEDIATION_PERIOD'`, [id])) as { due: string }[];
    expect(snapshot.due).toBe('2026-10-08');

    const audit = (await owner.query(`SELECT actor_role, payload FROM audit_entries WHERE case_id = $1 AND action = 'DEADLINE_RECOMPUTED'`, [id])) as { actor_role: string; payload: unknown }[];
    expect(audit).toEqual([{ actor_role: 'SYSTEM', payload: { changes: [expect.objectContaining({ kind: 'MEDIATION_PERIOD', fromDueOn: '2026-10-01', toDueOn: '2026-10-08', calendarVerified: true })] } }]);
    const timers = (await owner.query(`SELECT data->>'action' AS action FROM pgboss.job WHERE name = 'deadline-timer' AND data->>'dueOn' = '2026-10-08'
         AND data->>'deadlineId' = (SELECT id::text FROM deadlines WHERE case_id = $1 AND kind = 'MEDIATION_PERIOD')`, [id])) as { action: string }[];
    expect(timers.map((j) => j.action).sort()).toEqual(['EXPIRE', 'WARN_1', 'WARN_3']);

    expect(await service.recomputeAll()).toBe(0);
    const verify = await t.request({ method: 'GET', url: '/api/audit/verify', headers: supervisor.auth });
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it('does not even lock a case whose unverified entries this calendar counts the same', async () => {
    // The limitation of a dispute known since August runs into next year, which has no notice yet: unverified, and
    // counted again to the same day.
    const { id } = await createCase(t, mediator, individualCaseBody({ knewOrShouldHaveKnownAt: '2026-08-15' }));
    const owner = await t.owner();
    const [limitation] = (await owner.query(`SELECT calendar_verified FROM deadlines WHERE case_id = $1 AND kind = 'ARBITRATION_LIMITATION'`, [id])) as { calendar_verified: boolean }[];
    expect(limitation.calendar_verified).toBe(false);
    // A locking read leaves its transaction id in the row's xmax.
    const lockedBy = async () => ((await owner.query('SELECT xmax::text AS xmax FROM cases WHERE id = $1', [id])) as { xmax: string }[])[0].xmax;
    const before = await lockedBy();
    expect(await t.app.get(DeadlineRecomputeService).recomputeAll()).toBe(0);
    expect(await lockedBy()).toBe(before);
  });
});
