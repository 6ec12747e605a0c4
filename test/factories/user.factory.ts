import { DataSource } from 'typeorm';
import { PasswordHasherService } from '../../src/users/password-hasher.service';
import type { Role } from '../../src/users/role';
import { organizationKindFor } from '../../src/users/role-organization-rules';
import { UserEntity } from '../../src/users/user.entity';
import type { TestApp } from '../helpers/test-app';
import { createOrganization } from './organization.factory';

export const FACTORY_PASSWORD = 'factory-desk-password-2026';

let sequence = 0;
// argon2 costs ~40 ms a hash; any valid hash of the password will do, so each password is hashed once per run.
const hashes = new Map<string, Promise<string>>();

export interface UserOverrides {
  username?: string;
  displayName?: string;
  role?: Role;
  organizationId?: string;
  password?: string;
  active?: boolean;
}

export interface CreatedUser {
  user: UserEntity;
  password: string;
}

export interface SignedInUser extends CreatedUser {
  token: string;
  /** Headers for `t.request({ headers })`. */
  auth: { authorization: string };
}

/** Writes a user straight to the database; without an organizationId, a new one of the kind the role needs. */
export async function createUser(t: TestApp, overrides: UserOverrides = {}): Promise<CreatedUser> {
  const role = overrides.role ?? 'MEDIATOR';
  const password = overrides.password ?? FACTORY_PASSWORD;
  const organizationId = overrides.organizationId ?? (await createOrganization(t, { kind: organizationKindFor(role) })).id;
  if (!hashes.has(password)) hashes.set(password, t.app.get(PasswordHasherService).hash(password));
  sequence += 1;
  const repository = t.app.get(DataSource).getRepository(UserEntity);
  const user = await repository.save(
    repository.create({
      username: overrides.username ?? `${role.toLowerCase().replace('_', '')}${sequence}`,
      displayName: overrides.displayName ?? `测试用户${sequence}`,
      role,
      organizationId,
      active: overrides.active ?? true,
      passwordHash: await hashes.get(password)!,
      credentialsChangedAt: t.clock.now(),
    }),
  );
  return { user, password };
}

/** Signs in through the real login endpoint and answers the bearer token. */
export async function signIn(t: TestApp, username: string, password: string): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { accessToken: string }).accessToken;
}

export async function createSignedInUser(t: TestApp, overrides: UserOverrides = {}): Promise<SignedInUser> {
  const created = await createUser(t, overrides);
  const token = await signIn(t, created.user.username, created.password);
  return { ...created, token, auth: { authorization: `Bearer ${token}` } };
}
