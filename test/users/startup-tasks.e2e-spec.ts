import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config';
import { OrganizationEntity } from '../../src/organizations/organization.entity';
import { DEMO_ORGANIZATIONS, DEMO_USERS } from '../../src/seed/demo-directory';
import { runStartupTasks } from '../../src/startup/startup-tasks';
import { UserEntity } from '../../src/users/user.entity';
import { createOrganization } from '../factories/organization.factory';
import { signIn } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

describe(runStartupTasks.name, () => {
  let t: TestApp;
  let dataDir: string;

  beforeEach(async () => {
    t = await createTestApp();
    dataDir = mkdtempSync(join(tmpdir(), 'tiaojie-startup-'));
  });

  afterEach(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function configWith(overrides: Partial<AppConfig>): AppConfig {
    return { ...t.config, dataDir, demoSeed: false, admin: undefined, ...overrides };
  }

  const users = () => t.app.get(DataSource).getRepository(UserEntity);
  const organizations = () => t.app.get(DataSource).getRepository(OrganizationEntity);

  describe('the bootstrap administrator', () => {
    it('is created once from ADMIN_USERNAME/ADMIN_PASSWORD, in a new union studio, and the next start changes nothing', async () => {
      const config = configWith({ admin: { username: 'director', password: 'director-desk-phrase-2026' } });
      const first = await runStartupTasks(t.app, config);
      expect(first).toEqual(['  Admin: director (password from ADMIN_PASSWORD)']);
      const admin = await users().findOneByOrFail({ username: 'director' });
      expect(admin).toMatchObject({ role: 'ADMIN', active: true });
      expect(await organizations().findOneByOrFail({ id: admin.organizationId })).toMatchObject({ name: '劳动争议调解工作室', kind: 'UNION', region: '未设置' });
      await expect(signIn(t, 'director', 'director-desk-phrase-2026')).resolves.toEqual(expect.any(String));

      expect(await runStartupTasks(t.app, config)).toEqual([]);
      expect(await users().countBy({ role: 'ADMIN' })).toBe(1);
      expect(await organizations().count()).toBe(1);
    });

    it('joins the first union organization when there is one', async () => {
      await createOrganization(t, { kind: 'COURT' });
      const studio = await createOrganization(t, { kind: 'UNION' });
      await runStartupTasks(t.app, configWith({ admin: { username: 'director', password: 'director-desk-phrase-2026' } }));
      expect((await users().findOneByOrFail({ username: 'director' })).organizationId).toBe(studio.id);
    });

    it('on a laptop without ADMIN_* variables, creates admin with a generated password shown once', async () => {
      const config = configWith({ embedded: true });
      const [line] = await runStartupTasks(t.app, config);
      const password = /password (\S+) /.exec(line)![1];
      expect(line).toMatch(/^ {2}Admin: admin, password \S{20} \(shown only now/);
      await expect(signIn(t, 'admin', password)).resolves.toEqual(expect.any(String));
      expect(await runStartupTasks(t.app, config)).toEqual([]);
    });

    it('against DATABASE_URL without ADMIN_* variables, creates nobody and tells the operator what to set', async () => {
      const lines = await runStartupTasks(t.app, configWith({ embedded: false }));
      expect(lines).toEqual(['  No active administrator: set ADMIN_USERNAME and ADMIN_PASSWORD and restart to create one.']);
      expect(await users().count()).toBe(0);
    });

    it('refuses to start with a common ADMIN_PASSWORD', async () => {
      await expect(runStartupTasks(t.app, configWith({ admin: { username: 'director', password: 'Password123' } }))).rejects.toThrow(
        /ADMIN_PASSWORD is too weak/,
      );
      expect(await users().count()).toBe(0);
    });

    it('creates exactly one administrator when two instances start at once', async () => {
      const config = configWith({ admin: { username: 'director', password: 'director-desk-phrase-2026' } });
      const results = await Promise.all([runStartupTasks(t.app, config), runStartupTasks(t.app, config)]);
      expect(results.flat()).toEqual(['  Admin: director (password from ADMIN_PASSWORD)']);
      expect(await users().countBy({ role: 'ADMIN' })).toBe(1);
      expect(await organizations().count()).toBe(1);
    });
  });

  describe('the demo directory', () => {
    it('creates the Liaoyuan studio, both courts and the six demo users, with the admin in the studio', async () => {
      await runStartupTasks(t.app, configWith({ embedded: true, demoSeed: true }));

      const orgs = await organizations().find();
      expect(orgs.map((o) => [o.name, o.kind, o.caseNumberPrefix]).sort()).toEqual(
        [
          ['辽源市总工会职工服务中心劳动争议调解工作室', 'UNION', 'LY'],
          ['辽源市龙山区人民法院', 'COURT', 'LSF'],
          ['辽源市西安区人民法院', 'COURT', 'XAF'],
        ].sort(),
      );
      expect(orgs.find((o) => o.caseNumberPrefix === 'LY')!.region).toBe('吉林省辽源市');
      const prefixOf = new Map(orgs.map((o) => [o.id, o.caseNumberPrefix]));
      const all = await users().find();
      expect(all.map((u) => [u.username, u.displayName, u.role, prefixOf.get(u.organizationId)]).sort()).toEqual(
        [
          ['admin', '系统管理员', 'ADMIN', 'LY'],
          ['zhaomin', '赵敏', 'SUPERVISOR', 'LY'],
          ['wangjh', '王建华', 'MEDIATOR', 'LY'],
          ['liuyan', '刘艳', 'MEDIATOR', 'LY'],
          ['sunpeng', '孙鹏', 'MEDIATOR', 'LY'],
          ['chenjing', '陈静', 'COURT_LIAISON', 'LSF'],
          ['zhouqiang', '周强', 'COURT_LIAISON', 'XAF'],
        ].sort(),
      );
      expect(DEMO_ORGANIZATIONS).toHaveLength(3);
      expect(DEMO_USERS).toHaveLength(6);
    });

    it('lists the demo accounts with the kept password on every start, and the password signs in', async () => {
      const config = configWith({ embedded: true, demoSeed: true });
      const first = await runStartupTasks(t.app, config);
      const password = readFileSync(join(dataDir, 'demo-password'), 'utf8').trim();
      const accountLines = (lines: string[]) => lines.filter((l) => /^ {4}\S/.test(l));
      expect(accountLines(first)).toHaveLength(6);
      expect(first.find((l) => l.includes('zhaomin'))).toMatch(new RegExp(`zhaomin +SUPERVISOR +赵敏 +辽源市总工会职工服务中心劳动争议调解工作室 +password ${password}$`));
      expect(first.find((l) => l.includes('chenjing'))).toContain('辽源市龙山区人民法院');

      const second = await runStartupTasks(t.app, config);
      expect(accountLines(second)).toEqual(accountLines(first));
      expect(await users().count()).toBe(7);
      await expect(signIn(t, 'zhouqiang', password)).resolves.toEqual(expect.any(String));
    });

    it('marks an account whose password was changed instead of printing a wrong one', async () => {
      const config = configWith({ embedded: true, demoSeed: true });
      await runStartupTasks(t.app, config);
      const demoPassword = readFileSync(join(dataDir, 'demo-password'), 'utf8').trim();
      const token = await signIn(t, 'wangjh', demoPassword);
      const changed = await t.request({
        method: 'POST',
        url: '/api/auth/password',
        headers: { authorization: `Bearer ${token}` },
        payload: { currentPassword: demoPassword, newPassword: 'wang-changed-it-2026' },
      });
      expect(changed.statusCode).toBe(200);
      const lines = await runStartupTasks(t.app, config);
      expect(lines.find((l) => l.includes('wangjh'))).toMatch(/\(password changed\)$/);
    });

    it('shows a random demo password only on the first start against DATABASE_URL', async () => {
      const config = configWith({ embedded: false, demoSeed: true, admin: { username: 'director', password: 'director-desk-phrase-2026' } });
      const first = await runStartupTasks(t.app, config);
      expect(first.filter((l) => /^ {4}\S.* password \S+$/.test(l))).toHaveLength(6);
      expect(await runStartupTasks(t.app, config)).toEqual([]);
    });

    it('is not created when organizations exist already', async () => {
      await createOrganization(t);
      await runStartupTasks(t.app, configWith({ embedded: true, demoSeed: true }));
      expect(await users().countBy({ username: 'zhaomin' })).toBe(0);
    });

    it('is created once when two instances start at once', async () => {
      const config = configWith({ embedded: true, demoSeed: true });
      await Promise.all([runStartupTasks(t.app, config), runStartupTasks(t.app, config)]);
      expect(await organizations().count()).toBe(3);
      expect(await users().count()).toBe(7);
    });
  });
});
