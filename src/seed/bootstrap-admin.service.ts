import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { STARTUP_AUTHOR } from '../audit/audit-author';
import type { AppConfig } from '../config/app-config';
import { OrganizationsService } from '../organizations/organizations.service';
import { UserError } from '../users/user.errors';
import { UsersService } from '../users/users.service';

export const GENERATED_ADMIN_USERNAME = 'admin';

/** Where the first administrator sits when the database has no union organization yet; renamed later by an ADMIN. */
export const DEFAULT_STUDIO = { name: '劳动争议调解工作室', kind: 'UNION', region: '未设置' } as const;

@Injectable()
export class BootstrapAdminService {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
  ) {}

  /**
   * Makes sure somebody can manage users: without an active ADMIN, one is created from ADMIN_USERNAME/ADMIN_PASSWORD,
   * or with a generated password on a laptop. A server without those variables is left alone and the operator told.
   */
  async ensureActiveAdmin(tx: EntityManager, config: AppConfig): Promise<string[]> {
    if (await this.users.hasActiveAdmin(tx)) return [];
    if (config.admin) {
      await this.createAdmin(tx, config.admin.username, config.admin.password, 'ADMIN_PASSWORD');
      return [`  Admin: ${config.admin.username} (password from ADMIN_PASSWORD)`];
    }
    if (config.embedded) {
      const password = randomBytes(15).toString('base64url');
      await this.createAdmin(tx, GENERATED_ADMIN_USERNAME, password, 'the generated password');
      return [`  Admin: ${GENERATED_ADMIN_USERNAME}, password ${password} (shown only now: sign in and change it with POST /api/auth/password)`];
    }
    return ['  No active administrator: set ADMIN_USERNAME and ADMIN_PASSWORD and restart to create one.'];
  }

  private async createAdmin(tx: EntityManager, username: string, password: string, passwordSource: string): Promise<void> {
    if (await this.users.findByUsername(username, tx)) {
      throw new Error(`Cannot create the administrator "${username}": a user of that name exists and is not an active ADMIN. `
        + 'Set ADMIN_USERNAME to another name.');
    }
    const studio = (await this.organizations.firstOfKind(tx, 'UNION')) ?? (await this.organizations.createIn(tx, DEFAULT_STUDIO, STARTUP_AUTHOR));
    try {
      await this.users.createIn(tx, { username, displayName: '系统管理员', role: 'ADMIN', organizationId: studio.id, password }, STARTUP_AUTHOR);
    } catch (error) {
      if (error instanceof UserError && error.code === 'WEAK_PASSWORD') {
        throw new Error(`Cannot create the administrator: ${passwordSource} is too weak. ${error.message}`, { cause: error });
      }
      throw error;
    }
  }
}
