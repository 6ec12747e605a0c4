import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { OrganizationKind } from '../../src/organizations/organization-kind';
import { OrganizationEntity } from '../../src/organizations/organization.entity';
import type { TestApp } from '../helpers/test-app';

let sequence = 0;

/** Six random capital letters starting with T: unique enough within one suite's database. */
export function randomPrefix(): string {
  return 'T' + Array.from({ length: 5 }, () => String.fromCharCode(65 + randomInt(26))).join('');
}

export interface OrganizationOverrides {
  name?: string;
  kind?: OrganizationKind;
  region?: string;
  caseNumberPrefix?: string;
}

/** Writes an organization straight to the database, bypassing the API under test. */
export async function createOrganization(t: TestApp, overrides: OrganizationOverrides = {}): Promise<OrganizationEntity> {
  const kind = overrides.kind ?? 'UNION';
  sequence += 1;
  const repository = t.app.get(DataSource).getRepository(OrganizationEntity);
  return repository.save(
    repository.create({
      name: kind === 'UNION' ? `测试调解工作室${sequence}` : `测试人民法院${sequence}`,
      kind,
      region: '吉林省辽源市',
      caseNumberPrefix: randomPrefix(),
      ...overrides,
    }),
  );
}
