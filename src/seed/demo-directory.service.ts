import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { STARTUP_AUTHOR } from '../audit/audit-author';
import type { AppConfig } from '../config/app-config';
import { persistentSecret } from '../database/secret-file';
import { OrganizationsService } from '../organizations/organizations.service';
import { PasswordHasherService } from '../users/password-hasher.service';
import { UsersService } from '../users/users.service';
import { DEMO_ORGANIZATIONS, DEMO_USERS, DemoOrganizationKey } from './demo-directory';

const DEMO_PASSWORD_FILE = 'demo-password';

/**
 * The demo password. On a laptop (embedded database) it is kept beside the data so that every start can show the
 * accounts again; against a real server it is random and shown on the first start only.
 */
export function newDemoPassword(config: AppConfig): string {
  return config.embedded ? persistentSecret(config.dataDir, DEMO_PASSWORD_FILE, 12).value : randomBytes(12).toString('base64url');
}

/** The password kept from an earlier start, if there is one; never creates the file. */
export function keptDemoPassword(config: AppConfig): string | undefined {
  if (!config.embedded || !existsSync(join(resolve(config.dataDir), DEMO_PASSWORD_FILE))) return undefined;
  return persistentSecret(config.dataDir, DEMO_PASSWORD_FILE).value;
}

@Injectable()
export class DemoDirectoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasherService,
  ) {}

  /** Creates the demo organizations and users when there are no organizations yet; answers the password it used. */
  async seedIfEmpty(tx: EntityManager, password: () => string): Promise<string | undefined> {
    if ((await this.organizations.count(tx)) > 0) return undefined;
    const demoPassword = password();
    const ids = new Map<DemoOrganizationKey, string>();
    for (const { key, ...organization } of DEMO_ORGANIZATIONS) ids.set(key, (await this.organizations.createIn(tx, organization, STARTUP_AUTHOR)).id);
    for (const { organization, ...user } of DEMO_USERS) {
      await this.users.createIn(tx, { ...user, organizationId: ids.get(organization)!, password: demoPassword }, STARTUP_AUTHOR);
    }
    return demoPassword;
  }

  /** One line per demo account still present; an account whose password was changed since says so instead. */
  async describeAccounts(password: string): Promise<string[]> {
    const manager = this.dataSource.manager;
    const rows = await this.users.findByUsernames(manager, DEMO_USERS.map((u) => u.username));
    if (rows.length === 0) return [];
    const byUsername = new Map(rows.map((row) => [row.username, row]));
    const lines = await Promise.all(
      DEMO_USERS.filter((demo) => byUsername.has(demo.username)).map(async (demo) => {
        const row = byUsername.get(demo.username)!;
        const organization = await this.organizations.findOrFail(manager, row.organizationId);
        const shown = !row.active ? '(deactivated)' : (await this.hasher.verify(row.passwordHash, password)) ? `password ${password}` : '(password changed)';
        return `    ${row.username.padEnd(10)} ${row.role.padEnd(13)} ${row.displayName}  ${organization.name}  ${shown}`;
      }),
    );
    return ['  Demo accounts (username, role, name, organization, password):', ...lines];
  }
}
