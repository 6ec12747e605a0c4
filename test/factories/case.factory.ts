import { DataSource } from 'typeorm';
import { residentIdCheckCharacter } from '../../src/common/validation/china-ids';
import type { TestApp } from '../helpers/test-app';
import type { SignedInUser } from './user.factory';

/** DOMAIN §2's example resident ID and USCC; both carry valid check characters. */
export const EXAMPLE_RESIDENT_ID = '220402199003071231';
export const EXAMPLE_USCC = '91220400MA0Y123459';

/**
 * The instant the intake bodies below are built around: 2026-09-16 10:00 in Liaoyuan. Received at 09:30 that day,
 * a case's legal receipt date is 2026-09-16, so its mediation period ends on 2026-10-08 (DOMAIN §4 E1).
 */
export const INTAKE_NOW = '2026-09-16T02:00:00Z';
export const INTAKE_RECEIVED_AT = '2026-09-16T09:30:00+08:00';

let serial = 0;

/** A valid resident ID of someone born in Longshan district on 1990-03-07, distinct per call. */
export function residentId(): string {
  serial += 1;
  const first17 = `22040219900307${String(serial % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** A distinct valid mobile number per call. */
export function mobile(): string {
  serial += 1;
  return `138${String(43700000 + serial).padStart(8, '0')}`;
}

export type Body = Record<string, unknown>;

export interface ApplicantOverrides {
  name?: string;
  idType?: string;
  idNumber?: string;
  phone?: string;
  employmentRelation?: string;
  employmentEndedOn?: string;
  migrantWorker?: boolean;
  isRepresentative?: boolean;
}

export function applicant(overrides: ApplicantOverrides = {}): Body {
  return {
    name: '张伟',
    idType: 'RESIDENT_ID',
    idNumber: residentId(),
    phone: mobile(),
    employmentRelation: 'FORMER',
    employmentEndedOn: '2026-08-31',
    migrantWorker: false,
    isRepresentative: false,
    ...overrides,
  };
}

/**
 * One hosiery worker who left on 2026-08-31 and claims overtime pay and economic compensation. The compensation claim
 * runs from 2025-10-01 (when he knew), so the limitation ends 2026-10-01, rolled past National Day to 2026-10-08.
 */
export function individualCaseBody(overrides: Body = {}): Body {
  return {
    source: 'WALK_IN',
    receivedAt: INTAKE_RECEIVED_AT,
    applicants: [applicant({ idNumber: EXAMPLE_RESIDENT_ID, phone: '13843712345' })],
    respondent: {
      name: '辽源市西安区某袜业有限公司',
      unifiedSocialCreditCode: EXAMPLE_USCC,
      legalRepresentative: '李强',
      contactName: '王会计',
      contactPhone: '0437-3221234',
      address: '吉林省辽源市西安区东山街1号',
    },
    claims: [
      { type: 'OVERTIME', amount: '18600.00', description: '2025年10月至2026年8月延时加班费' },
      { type: 'ECONOMIC_COMPENSATION', amount: '12000', description: '解除劳动合同经济补偿' },
    ],
    workerCount: 1,
    migrantWorkers: 0,
    knewOrShouldHaveKnownAt: '2025-10-01',
    ...overrides,
  };
}

/**
 * Twelve migrant construction workers owed two months' wages before Spring Festival (DOMAIN §9), three of them
 * elected representatives; the case is collective (LDMAL Art.7).
 */
export function collectiveCaseBody(overrides: Body = {}): Body {
  const names = ['刘强', '陈刚', '赵磊', '孙明', '周斌', '吴涛', '郑军', '王勇', '冯亮', '褚海', '卫东', '蒋平'];
  return {
    source: 'WALK_IN',
    receivedAt: INTAKE_RECEIVED_AT,
    applicants: names.map((name, index) =>
      applicant({ name, employmentRelation: 'FORMER', employmentEndedOn: '2026-07-31', migrantWorker: true, isRepresentative: index < 3 }),
    ),
    respondent: {
      name: '东丰县某建筑劳务有限公司',
      unifiedSocialCreditCode: EXAMPLE_USCC,
      contactPhone: '13904371234',
      projectName: '东丰县城南安置小区二期',
      generalContractor: '吉林省某建工集团有限公司',
    },
    claims: [{ type: 'WAGE_ARREARS', amount: '186000.00', description: '2026年6月至7月工资' }],
    workerCount: 12,
    migrantWorkers: 12,
    arrearsMonths: 2,
    knewOrShouldHaveKnownAt: '2026-08-15',
    riskFlags: ['HARDSHIP'],
    ...overrides,
  };
}

/** The parts of a case detail the tests read. */
export interface CaseDetail {
  id: string;
  caseNumber: string;
  state: string;
  version: number;
  assignedMediator: { id: string; displayName: string } | null;
  applicants: { position: number; name: string; idNumber: string; phone: string }[];
  respondent: { contactPhone: string | null };
  deadlines: { id: string; key: string; kind: string; startsOn: string; dueOn: string; status: string; calendarVerified: boolean }[];
  allowedEvents: string[];
  piiMasked: boolean;
  [key: string]: unknown;
}

/** Registers a case through the API as `user` and answers its detail; fails loudly unless 201. */
export async function createCase(t: TestApp, user: SignedInUser, body: Body = individualCaseBody()): Promise<CaseDetail> {
  const res = await t.request({ method: 'POST', url: '/api/cases', payload: body, headers: user.auth });
  if (res.statusCode !== 201) throw new Error(`creating a case failed: ${res.statusCode} ${res.body}`);
  return res.json() as CaseDetail;
}

/**
 * Test arrangement only: assigns a mediator in the database, in the column and in the machine context alike, the way
 * ASSIGN_MEDIATOR leaves a case (without its version step and audit row).
 */
export async function assignMediator(t: TestApp, caseId: string, mediatorId: string): Promise<void> {
  await t.app.get(DataSource).query(
    `UPDATE cases SET assigned_mediator_id = $2::uuid,
       snapshot = jsonb_set(snapshot, '{context,assignedMediatorId}', to_jsonb($3::text))
     WHERE id = $1`,
    [caseId, mediatorId, mediatorId],
  );
}

/** Test arrangement only: moves a case to another state in the column and the snapshot alike. */
export async function moveToState(t: TestApp, caseId: string, group: string, state: string): Promise<void> {
  await t.app.get(DataSource).query(
    `UPDATE cases SET state = $2, snapshot = jsonb_set(snapshot, '{value}', jsonb_build_object($3::text, $4::text)) WHERE id = $1`,
    [caseId, `${group}.${state}`, group, state],
  );
}
