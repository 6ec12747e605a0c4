import { DataSource } from 'typeorm';
import { STARTUP_AUTHOR } from '../../src/audit/audit-author';
import { FixedClock } from '../../src/common/clock/clock';
import { UserEntity } from '../../src/users/user.entity';
import { UsersService } from '../../src/users/users.service';
import { createOrganization } from '../factories/organization.factory';
import { createSignedInUser, createUser, SignedInUser } from '../factories/user.factory';
import { eventually } from '../helpers/eventually';
import { backendsWaitingOnLocks } from '../helpers/locks';
import { createTestApp, TestApp } from '../helpers/test-app';

describe(UsersService.name, () => {
  let t: TestApp;
  let admin: SignedInUser;
  const clock = new FixedClock(new Date('2026-03-02T01:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await createSignedInUser(t, { role: 'ADMIN' });
  });

  afterAll(async () => {
    await t.close();
  });

  function post(url: string, payload: object, headers = admin.auth) {
    return t.request({ method: 'POST', url, payload, headers });
  }

  /** The DIRECTORY rows written about one user, oldest first. */
  async function directoryAudit(userId: string) {
    return (await t.app.get(DataSource).query(
      `SELECT action, actor_user_id AS "actorUserId", actor_role AS "actorRole", org_id AS "orgId", request_id AS "requestId", payload
       FROM audit_entries WHERE category = 'DIRECTORY' AND payload->>'userId' = $1 ORDER BY seq`,
      [userId],
    )) as { action: string; actorUserId: string; actorRole: string; orgId: string; requestId: string; payload: Record<string, unknown> }[];
  }

  async function newUserPayload(overrides: Record<string, unknown> = {}) {
    const union = await createOrganization(t, { kind: 'UNION' });
    return { username: `user${Math.random().toString(36).slice(2, 10)}`, displayName: '刘艳', role: 'MEDIATOR', organizationId: union.id, password: 'a-good-desk-phrase-2026', ...overrides };
  }

  describe('POST /api/users', () => {
    it('creates a user, stores the username lower-case and never answers the hash', async () => {
      const payload = await newUserPayload({ username: '  LiuYan2 ', displayName: ' 刘艳 ' });
      const res = await post('/api/users', payload);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        username: 'liuyan2',
        displayName: '刘艳',
        role: 'MEDIATOR',
        organizationId: payload.organizationId,
        active: true,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(res.body).not.toMatch(/argon2|passwordHash/);
      const stored = await t.app.get(DataSource).getRepository(UserEntity).findOneByOrFail({ id: res.json().id });
      expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$/);
      expect(stored.passwordHash.split('$')[3].split(',').sort()).toEqual(['m=19456', 'p=1', 't=2']);
      // DOMAIN §7: the change is audited in the organization's chain, by whom and under which request, without the password.
      const audit = await directoryAudit(stored.id);
      expect(audit).toEqual([
        {
          action: 'USER_CREATED',
          actorUserId: admin.user.id,
          actorRole: 'ADMIN',
          orgId: payload.organizationId,
          requestId: res.headers['x-request-id'],
          payload: { userId: stored.id, username: 'liuyan2', organizationId: payload.organizationId, displayName: '刘艳', role: 'MEDIATOR', active: true },
        },
      ]);
      expect(JSON.stringify(audit)).not.toContain(payload.password);
    });

    it('answers 409 USERNAME_TAKEN for a taken username in any case', async () => {
      await createUser(t, { username: 'chenjing' });
      const res = await post('/api/users', await newUserPayload({ username: 'ChenJing' }));
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'USERNAME_TAKEN', message: expect.stringContaining('chenjing') });
    });

    it('answers 422 ROLE_ORGANIZATION_MISMATCH for a court liaison in a UNION organization', async () => {
      const res = await post('/api/users', await newUserPayload({ role: 'COURT_LIAISON' }));
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'ROLE_ORGANIZATION_MISMATCH', details: { role: 'COURT_LIAISON', organizationKind: 'UNION' } });
    });

    it.each(['ADMIN', 'SUPERVISOR', 'MEDIATOR'])('answers 422 ROLE_ORGANIZATION_MISMATCH for %s in a COURT organization', async (role) => {
      const court = await createOrganization(t, { kind: 'COURT' });
      const res = await post('/api/users', await newUserPayload({ role, organizationId: court.id }));
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('ROLE_ORGANIZATION_MISMATCH');
    });

    it('places a court liaison in a COURT organization', async () => {
      const court = await createOrganization(t, { kind: 'COURT' });
      const res = await post('/api/users', await newUserPayload({ role: 'COURT_LIAISON', organizationId: court.id }));
      expect(res.statusCode).toBe(201);
    });

    it('answers 404 for an organization that does not exist', async () => {
      const res = await post('/api/users', await newUserPayload({ organizationId: '00000000-0000-4000-8000-000000000000' }));
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    });

    it.each([
      ['short', 'Tr0ub4dor', 'TOO_SHORT'],
      ['common', 'qwertyuiop', 'COMMON'],
      ['the username', 'WeakUserName', 'SAME_AS_USERNAME'],
    ])('answers 422 WEAK_PASSWORD with a helpful message for a %s password', async (_kind, password, reason) => {
      const res = await post('/api/users', await newUserPayload({ username: 'weakusername', password }));
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'WEAK_PASSWORD', details: { reason }, message: expect.stringMatching(/password/i) });
    });
  });

  describe('GET /api/users', () => {
    it('lists every user to an admin and filters by role, organization and active', async () => {
      const studio = await createOrganization(t);
      const active = await createUser(t, { organizationId: studio.id, role: 'SUPERVISOR' });
      const inactive = await createUser(t, { organizationId: studio.id, active: false });

      const all = await t.request({ method: 'GET', url: '/api/users', headers: admin.auth });
      expect(all.statusCode).toBe(200);
      expect(all.json().map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([admin.user.id, active.user.id, inactive.user.id]));

      const ofStudio = await t.request({ method: 'GET', url: `/api/users?organizationId=${studio.id}`, headers: admin.auth });
      expect(ofStudio.json().map((u: { id: string }) => u.id).sort()).toEqual([active.user.id, inactive.user.id].sort());

      const deactivated = await t.request({ method: 'GET', url: `/api/users?organizationId=${studio.id}&active=false`, headers: admin.auth });
      expect(deactivated.json().map((u: { id: string }) => u.id)).toEqual([inactive.user.id]);

      const supervisors = await t.request({ method: 'GET', url: `/api/users?organizationId=${studio.id}&role=SUPERVISOR`, headers: admin.auth });
      expect(supervisors.json().map((u: { id: string }) => u.id)).toEqual([active.user.id]);
    });

    it('shows a supervisor only the users of their own organization', async () => {
      const studio = await createOrganization(t);
      const supervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: studio.id });
      const colleague = await createUser(t, { organizationId: studio.id });
      await createUser(t);

      const res = await t.request({ method: 'GET', url: '/api/users', headers: supervisor.auth });
      expect(res.statusCode).toBe(200);
      expect(res.json().map((u: { id: string }) => u.id).sort()).toEqual([supervisor.user.id, colleague.user.id].sort());

      const elsewhere = await t.request({ method: 'GET', url: `/api/users?organizationId=${admin.user.organizationId}`, headers: supervisor.auth });
      expect(elsewhere.json()).toEqual([]);
    });

    it('answers 400 VALIDATION_FAILED for a filter that is not true or false', async () => {
      const res = await t.request({ method: 'GET', url: '/api/users?active=yes', headers: admin.auth });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([{ field: 'active', code: 'INVALID_FORMAT', message: 'active must be true or false' }]);
    });
  });

  describe('GET /api/users/:id', () => {
    it("answers 404, not 403, when a supervisor asks for another organization's user", async () => {
      const supervisor = await createSignedInUser(t, { role: 'SUPERVISOR' });
      const colleague = await createUser(t, { organizationId: supervisor.user.organizationId });
      const stranger = await createUser(t);

      expect((await t.request({ method: 'GET', url: `/api/users/${colleague.user.id}`, headers: supervisor.auth })).statusCode).toBe(200);
      const res = await t.request({ method: 'GET', url: `/api/users/${stranger.user.id}`, headers: supervisor.auth });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: `User ${stranger.user.id} was not found.` });
    });

    it('answers 400 naming the field for an id that is not a UUID', async () => {
      const res = await t.request({ method: 'GET', url: '/api/users/42', headers: admin.auth });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([{ field: 'id', code: 'INVALID_FORMAT', message: 'id must be a UUID' }]);
    });
  });

  describe('PATCH /api/users/:id', () => {
    it('changes the display name and moves a mediator to another union organization', async () => {
      const { user } = await createUser(t);
      const other = await createOrganization(t);
      const res = await t.request({ method: 'PATCH', url: `/api/users/${user.id}`, headers: admin.auth, payload: { displayName: '孙鹏', organizationId: other.id } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ displayName: '孙鹏', organizationId: other.id, role: 'MEDIATOR' });
      expect(await directoryAudit(user.id)).toEqual([
        expect.objectContaining({
          action: 'USER_UPDATED',
          orgId: other.id,
          payload: expect.objectContaining({
            changes: { displayName: { from: user.displayName, to: '孙鹏' }, organizationId: { from: user.organizationId, to: other.id } },
          }),
        }),
      ]);
    });

    it('answers 422 ROLE_ORGANIZATION_MISMATCH when the new role does not fit the organization', async () => {
      const { user } = await createUser(t);
      const res = await t.request({ method: 'PATCH', url: `/api/users/${user.id}`, headers: admin.auth, payload: { role: 'COURT_LIAISON' } });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('ROLE_ORGANIZATION_MISMATCH');
    });

    it('answers 400 when a field is sent as null rather than left out', async () => {
      const { user } = await createUser(t);
      const res = await t.request({ method: 'PATCH', url: `/api/users/${user.id}`, headers: admin.auth, payload: { displayName: null } });
      expect(res.statusCode).toBe(400);
      expect(res.json().details[0]).toMatchObject({ field: 'displayName', code: 'REQUIRED' });
    });
  });

  describe('the last active administrator', () => {
    it('cannot be deactivated or demoted, and can once another admin is active', async () => {
      const t2 = await createTestApp();
      try {
        const only = await createSignedInUser(t2, { role: 'ADMIN' });
        const deactivate = await t2.request({ method: 'POST', url: `/api/users/${only.user.id}/deactivate`, headers: only.auth });
        expect(deactivate.statusCode).toBe(422);
        expect(deactivate.json().code).toBe('LAST_ACTIVE_ADMIN');
        const demote = await t2.request({ method: 'PATCH', url: `/api/users/${only.user.id}`, headers: only.auth, payload: { role: 'SUPERVISOR' } });
        expect(demote.statusCode).toBe(422);
        expect(demote.json().code).toBe('LAST_ACTIVE_ADMIN');

        await createUser(t2, { role: 'ADMIN', active: false });
        expect((await t2.request({ method: 'POST', url: `/api/users/${only.user.id}/deactivate`, headers: only.auth })).statusCode).toBe(422);

        await createUser(t2, { role: 'ADMIN', organizationId: only.user.organizationId });
        const demoted = await t2.request({ method: 'PATCH', url: `/api/users/${only.user.id}`, headers: only.auth, payload: { role: 'SUPERVISOR' } });
        expect(demoted.statusCode).toBe(200);
        expect(demoted.json().role).toBe('SUPERVISOR');
      } finally {
        await t2.close();
      }
    });

    it('survives two admins demoting each other at the same moment', async () => {
      const t2 = await createTestApp();
      const dataSource = t2.app.get(DataSource);
      const gate = dataSource.createQueryRunner();
      try {
        const first = await createUser(t2, { role: 'ADMIN' });
        const second = await createUser(t2, { role: 'ADMIN', organizationId: first.user.organizationId });
        // Holding the studio row makes both demotions wait mid-transaction, so they truly overlap once it is released.
        await gate.startTransaction();
        await gate.query('SELECT id FROM organizations WHERE id = $1 FOR UPDATE', [first.user.organizationId]);
        const users = t2.app.get(UsersService);
        const racing = Promise.allSettled([
          users.update(second.user.id, { role: 'MEDIATOR' }, STARTUP_AUTHOR),
          users.update(first.user.id, { role: 'MEDIATOR' }, STARTUP_AUTHOR),
        ]);
        await eventually(() => backendsWaitingOnLocks(t2), (waiting) => waiting >= 2, { timeoutMs: 5000 });
        await gate.commitTransaction();

        const outcomes = await racing;
        expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
        expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'LAST_ACTIVE_ADMIN' } });
        expect(await dataSource.getRepository(UserEntity).countBy({ role: 'ADMIN', active: true })).toBe(1);
      } finally {
        await gate.release();
        await t2.close();
      }
    });
  });

  describe('POST /api/users/:id/deactivate and /activate', () => {
    it('deactivates a user, who can no longer sign in, and reactivates them', async () => {
      const { user, password } = await createUser(t);
      const off = await post(`/api/users/${user.id}/deactivate`, {});
      expect(off.statusCode).toBe(200);
      expect(off.json().active).toBe(false);
      expect((await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password }, remoteAddress: '192.0.2.80' })).statusCode).toBe(401);

      const on = await post(`/api/users/${user.id}/activate`, {});
      expect(on.json().active).toBe(true);
      expect((await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password } })).statusCode).toBe(200);
      expect((await directoryAudit(user.id)).map((row) => [row.action, row.payload.changes])).toEqual([
        ['USER_DEACTIVATED', { active: { from: true, to: false } }],
        ['USER_ACTIVATED', { active: { from: false, to: true } }],
      ]);
    });

    it('audits a password reset by an administrator apart from a change by the user, never with the password', async () => {
      const { user } = await createUser(t);
      expect((await post(`/api/users/${user.id}/password`, { newPassword: 'reset-by-the-desk-2026' })).statusCode).toBe(200);
      const token = (await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'reset-by-the-desk-2026' } })).json().accessToken as string;
      const changed = await t.request({
        method: 'POST',
        url: '/api/auth/password',
        headers: { authorization: `Bearer ${token}` },
        payload: { currentPassword: 'reset-by-the-desk-2026', newPassword: 'my-own-new-phrase-2026' },
      });
      expect(changed.statusCode).toBe(200);
      const audit = await directoryAudit(user.id);
      expect(audit.map((row) => [row.action, row.actorUserId])).toEqual([
        ['USER_PASSWORD_RESET', admin.user.id],
        ['USER_PASSWORD_CHANGED', user.id],
      ]);
      expect(JSON.stringify(audit)).not.toMatch(/reset-by-the-desk|my-own-new-phrase|argon2/);
    });
  });
});
