import { DataSource } from 'typeorm';
import type { LegalDate } from '../../src/calendar/legal-date';
import { allowedEvents, stateOf, type StoredCase } from '../../src/cases/machine/case-decision';
import { instantOn, SAMPLE_IDS, sampleCalendar } from '../../src/cases/machine/case-machine.fixtures';
import type { SenderRelation } from '../../src/cases/machine/case-senders';
import type { CaseContext } from '../../src/cases/machine/case.context';
import type { CaseInput } from '../../src/cases/machine/case.events';
import { COLLECTIVE_WORKER_COUNT, type CaseEventType, type ClaimType, type OrgKind, type Role } from '../../src/cases/machine/case.types';
import type { FixedClock } from '../../src/common/clock/clock';
import { applicant, EXAMPLE_USCC, type Body, type CaseDetail } from '../factories/case.factory';
import { createOrganization } from '../factories/organization.factory';
import { createUser, signIn, type CreatedUser } from '../factories/user.factory';
import type { TestApp } from '../helpers/test-app';

// The world the HTTP model tests share (test/cases/case-model.e2e-spec.ts, test/model/): the organisations and
// people of the sample data as real rows and users, and the translation between what the pure decision layer says
// about a case (in sample ids) and what the API answers (in real ids).

/** One person at the desk, known to the sample data by its id and to the app as a real user. */
export interface Person {
  readonly sampleId: string;
  readonly role: Role;
  /** The sample id of a liaison's court. */
  readonly courtId?: string;
  readonly created: CreatedUser;
  readonly tokens: { issuedAt: number; token: string }[];
}

/** Fields the service adds itself (looked up or minted); a client that sent them would get 400. */
export const SERVER_SUPPLIED: Partial<Record<CaseEventType, readonly string[]>> = {
  ASSIGN_MEDIATOR: ['assignee'],
  REQUEST_JUDICIAL_CONFIRMATION: ['courtKind'],
  SCHEDULE_SESSION: ['sessionId'],
  RECORD_SESSION: ['recordId'],
};

const AMOUNT_REQUIRED: readonly ClaimType[] = ['WAGE_ARREARS', 'OVERTIME', 'ECONOMIC_COMPENSATION'];

/** The sample data has no liaison of the basic court that reviews a walk-in case's agreement; the tests need one. */
export const BASIC_COURT_LIAISON_ID = 'user-liaison-0403';
export const ADMIN_ID = 'user-admin-sun';

/** toEqual, with where it happened in the failure message. */
export function expectAt(where: string, observed: unknown, expected: unknown): void {
  try {
    expect(observed).toEqual(expected);
  } catch (error) {
    if (error instanceof Error) error.message = `${where}\n\n${error.message}`;
    throw error;
  }
}

/** What the case detail shows of its deadlines, as the model's context has them. */
export function deadlinesOf(entries: readonly { key: string; kind: string; dueOn: string; status: string }[]) {
  return entries.map(({ key, kind, dueOn, status }) => ({ key, kind, dueOn, status })).sort((a, b) => a.key.localeCompare(b.key));
}

export interface CaseView {
  readonly status: number;
  readonly code?: string;
  readonly message?: string;
  readonly state?: string;
  readonly version?: number;
  readonly allowedEvents?: readonly string[];
  readonly deadlines?: ReturnType<typeof deadlinesOf>;
}

export function observedView(res: { statusCode: number; json(): unknown }): CaseView {
  const body = res.json() as Partial<CaseDetail> & { code?: string; message?: string };
  return {
    status: res.statusCode,
    ...(body.code === undefined ? {} : { code: body.code, message: body.message }),
    state: body.state,
    version: body.version,
    allowedEvents: body.allowedEvents,
    deadlines: body.deadlines === undefined ? undefined : deadlinesOf(body.deadlines),
  };
}

export class ModelDesk {
  /** Sample ids (organisations, users) to the real ones. */
  private readonly realIds = new Map<string, string>();
  private readonly orgKinds = new Map<string, OrgKind>();
  readonly people: Person[] = [];

  private constructor(
    readonly t: TestApp,
    readonly clock: FixedClock,
  ) {}

  /** The union studio, the inviting and the basic court, and their people; an admin of the studio on request. */
  static async open(t: TestApp, clock: FixedClock, options: { admin?: boolean } = {}): Promise<ModelDesk> {
    const desk = new ModelDesk(t, clock);
    const union = await desk.organization(SAMPLE_IDS.organizationId, 'UNION');
    const inviting = await desk.organization(SAMPLE_IDS.courtOrgId, 'COURT');
    const basic = await desk.organization(SAMPLE_IDS.basicCourtId, 'COURT');
    await desk.person(SAMPLE_IDS.supervisorId, 'SUPERVISOR', union);
    await desk.person(SAMPLE_IDS.mediatorId, 'MEDIATOR', union);
    await desk.person(SAMPLE_IDS.otherMediatorId, 'MEDIATOR', union);
    await desk.person(SAMPLE_IDS.liaisonId, 'COURT_LIAISON', inviting, SAMPLE_IDS.courtOrgId);
    await desk.person(BASIC_COURT_LIAISON_ID, 'COURT_LIAISON', basic, SAMPLE_IDS.basicCourtId);
    if (options.admin === true) await desk.person(ADMIN_ID, 'ADMIN', union);
    return desk;
  }

  private async organization(sampleId: string, kind: OrgKind): Promise<string> {
    const { id } = await createOrganization(this.t, { kind });
    this.realIds.set(sampleId, id);
    this.orgKinds.set(sampleId, kind);
    return id;
  }

  private async person(sampleId: string, role: Role, organizationId: string, courtId?: string): Promise<void> {
    const created = await createUser(this.t, { role, organizationId });
    this.realIds.set(sampleId, created.user.id);
    this.people.push({ sampleId, role, ...(courtId === undefined ? {} : { courtId }), created, tokens: [] });
  }

  // Tokens last one working day; the replay jumps between dates, so a token is reused only within a few hours of
  // the (fixed) clock, and a user signs in again as at a real desk.
  async authOf(person: Person): Promise<{ authorization: string }> {
    const now = this.clock.now().getTime();
    const reuseFor = (this.t.config.jwt.expiresInSeconds * 1000) / 2;
    let token = person.tokens.find(({ issuedAt }) => issuedAt <= now && now < issuedAt + reuseFor);
    if (token === undefined) {
      token = { issuedAt: now, token: await signIn(this.t, person.created.user.username, person.created.password) };
      person.tokens.push(token);
    }
    return { authorization: `Bearer ${token.token}` };
  }

  personWith(sampleId: string): Person {
    const found = this.people.find((candidate) => candidate.sampleId === sampleId);
    if (found === undefined) throw new Error(`No person plays ${sampleId}`);
    return found;
  }

  realId(sampleId: string): string {
    const id = this.realIds.get(sampleId);
    if (id === undefined) throw new Error(`No real id for ${sampleId}`);
    return id;
  }

  /** The kind of an organisation the sample data names; undefined for an id that is no organisation. */
  organizationKind(sampleId: string): OrgKind | undefined {
    return this.orgKinds.get(sampleId);
  }

  /** Replaces every sample id inside a payload with the real one. */
  withRealIds(value: unknown): unknown {
    if (typeof value === 'string') return this.realIds.get(value) ?? value;
    if (Array.isArray(value)) return value.map((inner) => this.withRealIds(inner));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, this.withRealIds(inner)]));
    }
    return value;
  }

  /** DOMAIN §3 Senders, from the person's side: how they relate to the case the model has. */
  relationOf(person: Person, context: CaseContext): SenderRelation {
    const mediator = person.role === 'MEDIATOR';
    return {
      role: person.role,
      isAssignedMediator: mediator && context.assignedMediatorId === person.sampleId,
      // Every mediator here belongs to the case's organisation.
      isOrgMediator: mediator,
      isReviewCourtLiaison: person.role === 'COURT_LIAISON' && context.reviewCourtId === person.courtId,
      isSystem: false,
    };
  }

  /**
   * DOMAIN §1 Sees: a supervisor (and an admin, read-only) the whole org, a mediator their cases and the intake
   * queue, a liaison their court's. Every supervisor and admin here belongs to the case's organisation.
   */
  sees(person: Person, stored: StoredCase): boolean {
    const context = stored.snapshot.context;
    switch (person.role) {
      case 'SUPERVISOR':
      case 'ADMIN':
        return true;
      case 'MEDIATOR':
        return context.assignedMediatorId === person.sampleId || (context.assignedMediatorId === undefined && stateOf(stored).startsWith('intake.'));
      case 'COURT_LIAISON':
        return person.courtId !== undefined && (context.courtOrgId === person.courtId || context.reviewCourtId === person.courtId);
    }
  }

  /** What the pure model says the person sees of the case (Invariant 8 for allowedEvents). */
  expectedView(person: Person, stored: StoredCase, version: number, today: LegalDate): CaseView {
    return {
      status: 200,
      state: stateOf(stored),
      version,
      allowedEvents: allowedEvents(stored, this.relationOf(person, stored.snapshot.context), today, sampleCalendar()),
      deadlines: deadlinesOf(stored.snapshot.context.deadlines),
    };
  }

  /** The intake form a desk would fill in for the sample case input (DOMAIN §2). */
  intakeBody(input: CaseInput): Body {
    const collective = input.workerCount >= COLLECTIVE_WORKER_COUNT;
    return {
      source: input.source,
      receivedAt: instantOn(input.receivedOn, '08:30'),
      ...(input.courtOrgId === undefined ? {} : { courtOrgId: this.realId(input.courtOrgId) }),
      ...(input.courtProcedure === undefined ? {} : { courtProcedure: input.courtProcedure }),
      ...(input.source === 'COURT_ENTRUSTED' ? { courtCaseNumber: '（2026）吉0402民初1234号' } : {}),
      applicants: input.applicants.map((employment, index) =>
        applicant({
          employmentRelation: employment.employmentRelation,
          employmentEndedOn: employment.employmentEndedOn,
          migrantWorker: true,
          isRepresentative: collective && index < 3,
        }),
      ),
      respondent: { name: '东丰县某建筑劳务有限公司', unifiedSocialCreditCode: EXAMPLE_USCC, projectName: '龙山区安置小区二期' },
      claims: input.claimTypes.map((type) => ({
        type,
        ...(AMOUNT_REQUIRED.includes(type) ? { amount: '186000.00' } : {}),
        description: '2025年9月至12月工资',
      })),
      workerCount: input.workerCount,
      migrantWorkers: input.applicants.length,
      arrearsMonths: input.claimTypes.includes('WAGE_ARREARS') ? 3 : 0,
      knewOrShouldHaveKnownAt: input.knewOrShouldHaveKnownAt,
    };
  }

  /** A request body for an event: the payload in real ids, without the fields the server supplies. */
  eventBody(type: CaseEventType, payload: Readonly<Record<string, unknown>>): Body {
    const dropped = SERVER_SUPPLIED[type] ?? [];
    const kept = Object.fromEntries(Object.entries(payload).filter(([key]) => !dropped.includes(key)));
    return { type, ...(this.withRealIds(kept) as Body) };
  }

  async countRows(sql: string, params: unknown[]): Promise<number> {
    const [{ n }] = (await this.t.app.get(DataSource).query(sql, params)) as { n: string }[];
    return Number(n);
  }
}
