import { ArgumentMetadata, Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { PgBoss } from 'pg-boss';
import { DataSource } from 'typeorm';
import { AlertEscalationWorker } from '../alerts/alert-escalation.worker';
import { AlertHandlingService } from '../alerts/alert-handling.service';
import { escalationDueAt } from '../alerts/alert-rules';
import { AlertQueryDto, MAX_ALERT_PAGE_SIZE } from '../alerts/dto/alert-query.dto';
import { toActor, type Actor } from '../auth/actor';
import { HolidayCalendar } from '../calendar/holiday-calendar';
import { addDays, compare, diffDays, legalDateOf, parseLegalDate, yearOf, type LegalDate } from '../calendar/legal-date';
import { CaseIntakeService } from '../cases/case-intake.service';
import { CaseWorkflowService } from '../cases/case-workflow.service';
import { CreateCaseDto } from '../cases/dto/create-case.dto';
import type { CaseState, DeadlineKind } from '../cases/machine/case.types';
import { Clock } from '../common/clock/clock';
import { DomainError } from '../common/errors/domain-error';
import { createValidationPipe } from '../common/errors/validation-pipe';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DeadlineTimerWorker } from '../deadlines/deadline-timer.worker';
import { timerKey, timersFor } from '../deadlines/deadline-timers';
import { AssistanceQueryService } from '../hardship/assistance-query.service';
import { AssistanceWorkflowService } from '../hardship/assistance-workflow.service';
import { ProposeAssistanceDto } from '../hardship/dto/propose-assistance.dto';
import { ALERT_ESCALATION_QUEUE, DEADLINE_TIMER_QUEUE, JOB_SCHEMA } from '../jobs/job-queues';
import { JobRunner } from '../jobs/job-runner';
import { DailyScreeningWorker } from '../risk-assessment/daily-screening.worker';
import { UsersService } from '../users/users.service';
import {
  DEMO_COURT_CODES,
  DEMO_STORIES,
  LUNAR_NEW_YEARS_DAYS,
  type DemoCourt,
  type DemoIntake,
  type DemoMarker,
  type DemoStep,
  type DemoStory,
  type DemoUsername,
  type DemoValue,
} from './demo-cases';

/** What a seed did, for the start-up banner. */
export interface DemoCaseSeedReport {
  readonly cases: number;
  /** Intakes, case events and alert handling by the demo users. */
  readonly actions: number;
  /** Deadline timers, alert escalations and daily screenings that ran along the way, as the workers would have. */
  readonly timers: number;
  readonly milliseconds: number;
}

// Any constant works as long as every instance uses the same one; the startup and migration locks use others.
const DEMO_CASES_LOCK_KEY = 7_150_211_0003;
const DEMO_USERNAMES: readonly DemoUsername[] = ['zhaomin', 'wangjh', 'liuyan', 'sunpeng', 'chenjing', 'zhouqiang'];
/** Liaoyuan keeps Beijing time, with no daylight saving: a story's HH:MM is that instant everywhere. */
const LIAOYUAN_OFFSET = '+08:00';
/** A job queued already due is picked up at the workers' next poll. */
const POLL_MS = 1000;
/** DAILY_SCREENING_CRON's hour, and how many of the latest daily screenings the seed replays. */
const DAILY_SCREENING_AT = '08:00';
const SCREENED_DAYS = 7;
/** The winter wage campaign starts on 15 November, at least 60 days before any Lunar New Year's Day (DOMAIN §5). */
const CAMPAIGN_DAYS_BEFORE_FESTIVAL = 60;
/** pg-boss's own ceiling for findJobs; the seed queues a few hundred. */
const MAX_JOBS_LISTED = 100_000;

/** The demo directory as the stories need it: who acts and which courts refer. */
interface DemoDirectory {
  readonly organizationId: string;
  readonly actors: ReadonlyMap<DemoUsername, Actor>;
  readonly courts: ReadonlyMap<DemoCourt, string>;
}

/** A story placed on the calendar, with the case it created once it did. */
interface PlacedStory {
  readonly story: DemoStory;
  readonly receivedOn: LegalDate;
  caseId?: string;
}

/** One thing a demo user does, at its instant. */
interface Action {
  readonly at: Date;
  readonly placed: PlacedStory;
  /** The step, or undefined for the intake. */
  readonly step?: DemoStep;
  readonly label: string;
}

interface DueTimer {
  readonly at: Date;
  readonly key: string;
  fire(): Promise<unknown>;
}

/** The workers whose jobs the replay runs, and when the daily screenings it replays ran. */
interface ReplayedWorkers {
  readonly deadlines: DeadlineTimerWorker;
  readonly escalations: AlertEscalationWorker;
  readonly screenings: DailyScreeningWorker;
  readonly screeningTimes: readonly Date[];
}

interface PendingDeadlineRow {
  id: string;
  case_id: string;
  kind: DeadlineKind;
  due_on: string;
  updated_at: Date;
}

/**
 * Seeds DOMAIN §9's demo cases on a database that has the demo directory and no cases: each story of demo-cases.ts
 * is replayed through the real intake, workflow and alert services with the clock pinned to the instant of each
 * step, and between steps every deadline timer, alert escalation and (for the last week) daily screening that falls
 * due runs through the workers' own handlers. So every case, deadline, alert, risk level, notification and audit
 * chain is one the product produced; the seed adds nothing the product would not have written itself.
 */
@Injectable()
export class DemoCaseSeederService {
  private readonly logger = new Logger(DemoCaseSeederService.name);
  private readonly validation = createValidationPipe();

  constructor(
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly workflow: CaseWorkflowService,
    private readonly users: UsersService,
    private readonly jobs: JobRunner,
    private readonly calendar: HolidayCalendar,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Seeds once: undefined when there are cases already or the demo directory is missing. The services open their own
   * transactions, so two instances starting together are kept apart by a session lock on a connection held aside.
   */
  async seedIfNoCases(): Promise<DemoCaseSeedReport | undefined> {
    if (this.config.dbPoolSize < 2) throw new Error('demo cases need DB_POOL_SIZE of at least 2: one connection holds the seed lock');
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [DEMO_CASES_LOCK_KEY]);
      try {
        if (await this.hasCases()) return undefined;
        const directory = await this.demoDirectory();
        return directory === undefined ? undefined : await this.seed(directory);
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [DEMO_CASES_LOCK_KEY]);
      }
    } finally {
      await lock.release();
    }
  }

  private async hasCases(): Promise<boolean> {
    const [{ found }] = (await this.dataSource.query('SELECT EXISTS (SELECT 1 FROM cases) AS found')) as { found: boolean }[];
    return found;
  }

  /** The demo accounts, all active, in a union studio and the two courts; otherwise this is not the demo directory. */
  private async demoDirectory(): Promise<DemoDirectory | undefined> {
    const rows = await this.users.findByUsernames(this.dataSource.manager, DEMO_USERNAMES);
    const byName = new Map(rows.filter((row) => row.active).map((row) => [row.username as DemoUsername, toActor(row)]));
    if (DEMO_USERNAMES.some((username) => !byName.has(username))) return undefined;
    return {
      organizationId: byName.get('zhaomin')!.organizationId,
      actors: byName,
      courts: new Map([
        ['longshan', byName.get('chenjing')!.organizationId],
        ['xian', byName.get('zhouqiang')!.organizationId],
      ]),
    };
  }

  private async seed(directory: DemoDirectory): Promise<DemoCaseSeedReport> {
    const started = Date.now();
    const now = this.clock.now();
    // main.ts runs the start-up tasks before app.init(): the queue must take the timers the cases set, while no
    // worker may run yet, or it would fire them on the wall clock in the middle of a story.
    await this.jobs.onModuleInit();
    const placed = DEMO_STORIES.map((story) => this.place(story, now));
    const actions = placed.flatMap((story) => this.actionsOf(story, now)).sort((a, b) => a.at.getTime() - b.at.getTime());
    const timers = new TimerReplay(directory.organizationId, this.dataSource, this.config, {
      deadlines: this.resolve(DeadlineTimerWorker),
      escalations: this.resolve(AlertEscalationWorker),
      screenings: this.resolve(DailyScreeningWorker),
      screeningTimes: this.recentScreeningTimes(now),
    });
    for (const action of actions) {
      await timers.fireUntil(action.at, this.clock);
      await this.clock.runAt(action.at, () => this.perform(action, directory));
    }
    await timers.fireUntil(now, this.clock);
    await this.completeReplayedJobs(now);
    await this.assertOutcomes(placed);
    const report = { cases: placed.length, actions: actions.length, timers: timers.fired, milliseconds: Date.now() - started };
    this.logger.log(report, 'demo cases seeded');
    return report;
  }

  /**
   * The daily 08:00 screenings of the last week before now. The product screens every day; a year of ledger rows would
   * add nothing to the demo but time, while the last week gives the desk its recent ledger and today's risk levels.
   */
  private recentScreeningTimes(now: Date): Date[] {
    const today = legalDateOf(now);
    return Array.from({ length: SCREENED_DAYS + 1 }, (_, back) => new Date(`${addDays(today, -back)}T${DAILY_SCREENING_AT}:00${LIAOYUAN_OFFSET}`))
      .filter((at) => at.getTime() < now.getTime())
      .slice(0, SCREENED_DAYS);
  }

  /** Providers that their modules keep to themselves; the seed drives them as the HTTP layer and the workers do. */
  private resolve<T>(type: new (...args: never[]) => T): T {
    return this.moduleRef.get(type, { strict: false });
  }

  private place(story: DemoStory, now: Date): PlacedStory {
    const today = legalDateOf(now);
    const { start } = story;
    const receivedOn =
      'workingDaysAgo' in start ? this.workingDaysBefore(today, start.workingDaysAgo) : this.beforeSpringFestival(story, start.workingDaysBeforeSpringFestival, today);
    return { story, receivedOn };
  }

  /**
   * A story set `workingDays` before a Lunar New Year's Day: the latest festival by which it is over. Late in a winter
   * campaign, when the coming festival's story is not over yet, the story moves earlier instead of a year back, as
   * long as it still starts within the campaign; so the case stays within the last twelve months.
   */
  private beforeSpringFestival(story: DemoStory, workingDays: number, today: LegalDate): LegalDate {
    const lastDay = Math.max(0, ...story.steps.map((step) => step.day));
    const isOver = (receivedOn: LegalDate) => compare(this.storyDay(receivedOn, lastDay), today) < 0;
    const ideal = (newYear: string) => this.workingDaysBefore(parseLegalDate(newYear), workingDays);
    const coming = LUNAR_NEW_YEARS_DAYS.find((newYear) => !isOver(ideal(newYear)));
    const latestStart = this.workingDaysBefore(today, lastDay + 1);
    if (coming !== undefined && diffDays(latestStart, parseLegalDate(coming)) <= CAMPAIGN_DAYS_BEFORE_FESTIVAL) return latestStart;
    const last = [...LUNAR_NEW_YEARS_DAYS].reverse().find((newYear) => isOver(ideal(newYear)));
    if (last === undefined) throw new Error(`demo story ${story.key}: no Spring Festival in LUNAR_NEW_YEARS_DAYS lies before ${today}`);
    return ideal(last);
  }

  private actionsOf(placed: PlacedStory, now: Date): Action[] {
    const { story } = placed;
    const intake: Action = { at: this.instant(placed, 0, story.intake.registeredAt), placed, label: 'intake' };
    const steps = story.steps.map((step, index) => ({
      at: this.instant(placed, step.day, step.at),
      placed,
      step,
      label: `step ${index + 1} (${step.act.kind === 'EVENT' ? step.act.body.type : step.act.kind})`,
    }));
    const all = [intake, ...steps];
    all.forEach((action, index) => {
      if (index > 0 && action.at.getTime() <= all[index - 1].at.getTime()) throw new Error(`demo story ${story.key}: ${action.label} is not after the one before it`);
      if (action.at.getTime() >= now.getTime()) throw new Error(`demo story ${story.key}: ${action.label} at ${action.at.toISOString()} is not in the past`);
    });
    return all;
  }

  private workingDaysBefore(date: LegalDate, count: number): LegalDate {
    let day = date;
    for (let counted = 0; counted < count; ) {
      day = addDays(day, -1);
      if (this.calendar.isWorkingDay(day)) counted += 1;
    }
    return day;
  }

  private storyDay(receivedOn: LegalDate, day: number): LegalDate {
    return day === 0 ? receivedOn : this.calendar.addWorkingDays(receivedOn, day).dueOn;
  }

  private instant(placed: PlacedStory, day: number, at: string): Date {
    return new Date(`${this.storyDay(placed.receivedOn, day)}T${at}:00${LIAOYUAN_OFFSET}`);
  }

  private async perform(action: Action, directory: DemoDirectory): Promise<void> {
    const { placed, step } = action;
    const requestId = `demo-seed:${placed.story.key}:${step === undefined ? 0 : placed.story.steps.indexOf(step) + 1}`;
    try {
      if (step === undefined) {
        placed.caseId = await this.register(placed, directory, requestId);
        return;
      }
      const actor = directory.actors.get(step.by)!;
      const caseId = placed.caseId!;
      switch (step.act.kind) {
        case 'EVENT':
          await this.workflow.sendEvent(caseId, actor, this.materialize(step.act.body, placed, directory), { requestId });
          return;
        case 'ACKNOWLEDGE_ALERTS':
          await this.handleAlerts(caseId, actor, (alerts, id) => alerts.acknowledge(actor, id, requestId));
          return;
        case 'RESOLVE_ALERTS': {
          const note = step.act.note;
          await this.handleAlerts(caseId, actor, (alerts, id) => alerts.resolve(actor, id, note, requestId));
          return;
        }
        case 'PROPOSE_ASSISTANCE': {
          const { givenOn, ...proposal } = step.act.assistance;
          const dto = await this.validated(ProposeAssistanceDto, { ...proposal, givenOn: this.storyDay(placed.receivedOn, givenOn) });
          await this.resolve(AssistanceWorkflowService).propose(actor, caseId, dto, requestId);
          return;
        }
        case 'APPROVE_ASSISTANCE': {
          const { items } = await this.resolve(AssistanceQueryService).forCase(actor, caseId);
          for (const record of items.filter((item) => item.status === 'PROPOSED')) {
            await this.resolve(AssistanceWorkflowService).decide(actor, caseId, record.id, 'APPROVE', step.act.note, requestId);
          }
          return;
        }
      }
    } catch (error) {
      const details = error instanceof DomainError && error.details !== undefined ? ` ${JSON.stringify(error.details)}` : '';
      throw new Error(`demo story ${placed.story.key}, ${action.label} at ${action.at.toISOString()}: ${(error as Error).message}${details}`, { cause: error });
    }
  }

  /** A request body as the desk would send it, through the same validation pipe as the route's. */
  private async validated<T>(metatype: new () => T, body: Record<string, unknown>): Promise<T> {
    const metadata: ArgumentMetadata = { type: 'body', metatype, data: '' };
    return (await this.validation.transform(body, metadata)) as T;
  }

  /** POST /api/cases as the desk would send it. */
  private async register(placed: PlacedStory, directory: DemoDirectory, requestId: string): Promise<string> {
    const { intake } = placed.story;
    const dto = await this.validated(CreateCaseDto, this.intakeBody(intake, placed.receivedOn, directory));
    const created = await this.resolve(CaseIntakeService).create(directory.actors.get(intake.registeredBy)!, dto, requestId);
    return created.id;
  }

  private intakeBody(intake: DemoIntake, receivedOn: LegalDate, directory: DemoDirectory): Record<string, unknown> {
    const before = (days: number) => addDays(receivedOn, -days);
    const file = intake.court;
    return {
      source: intake.source,
      receivedAt: `${receivedOn}T${intake.receivedAt}:00${LIAOYUAN_OFFSET}`,
      ...(file === undefined
        ? {}
        : {
            courtOrgId: directory.courts.get(file.court),
            ...(file.docket === undefined ? {} : { courtCaseNumber: courtNumber(file.court, file.docket.kind, file.docket.no, receivedOn) }),
            ...(file.procedure === undefined ? {} : { courtProcedure: file.procedure }),
          }),
      applicants: intake.applicants.map(({ leftDaysBefore, ...applicant }) => ({
        ...applicant,
        ...(leftDaysBefore === undefined ? {} : { employmentEndedOn: before(leftDaysBefore) }),
      })),
      respondent: intake.respondent,
      claims: intake.claims,
      workerCount: intake.workerCount ?? intake.applicants.length,
      migrantWorkers: intake.applicants.filter((applicant) => applicant.migrantWorker).length,
      ...(intake.arrearsMonths === undefined ? {} : { arrearsMonths: intake.arrearsMonths }),
      knewOrShouldHaveKnownAt: before(intake.knewDaysBefore),
      ...(intake.riskFlags === undefined ? {} : { riskFlags: [...intake.riskFlags] }),
    };
  }

  /** Replaces the story's markers with the dates, instants, ids and court numbers of this seed. */
  private materialize(value: DemoValue, placed: PlacedStory, directory: DemoDirectory): unknown {
    if (Array.isArray(value)) return value.map((item: DemoValue) => this.materialize(item, placed, directory));
    if (typeof value !== 'object') return value;
    if (isMarker(value)) return this.markerValue(value, placed, directory);
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.materialize(item, placed, directory)]));
  }

  private markerValue(marker: DemoMarker, placed: PlacedStory, directory: DemoDirectory): string | undefined {
    if ('$date' in marker) return this.storyDay(placed.receivedOn, marker.$date);
    if ('$instant' in marker) return `${this.storyDay(placed.receivedOn, marker.$instant)}T${marker.at}:00${LIAOYUAN_OFFSET}`;
    if ('$user' in marker) return directory.actors.get(marker.$user)!.id;
    if ('$court' in marker) return directory.courts.get(marker.$court);
    return courtNumber(marker.$docket, marker.kind, marker.no, this.storyDay(placed.receivedOn, marker.day));
  }

  private async handleAlerts(caseId: string, actor: Actor, handle: (alerts: AlertHandlingService, alertId: string) => Promise<unknown>): Promise<void> {
    const alerts = this.resolve(AlertHandlingService);
    const query = Object.assign(new AlertQueryDto(), { caseId, pageSize: MAX_ALERT_PAGE_SIZE });
    const { items } = await alerts.list(actor, query);
    for (const alert of items.filter((item) => item.status !== 'RESOLVED')) await handle(alerts, alert.id);
  }

  /**
   * The replay worked every timer job due by `until`, but the jobs are still queued; the workers take about one a
   * second, so hundreds of them would hold up the timers of the first real cases for minutes. They are completed as a
   * worker would have left them, through pg-boss's API on the application's own connections (no second pool, no
   * supervision); jobs due later stay queued and fire for real.
   */
  private async completeReplayedJobs(until: Date): Promise<void> {
    const boss = new PgBoss({ db: this.jobDatabase(), schema: JOB_SCHEMA, migrate: false, createSchema: false, supervise: false, schedule: false, registerInstance: false });
    boss.on('error', (error: unknown) => this.logger.warn({ err: error }, 'job queue error while completing replayed timers'));
    await boss.start();
    try {
      for (const queue of [DEADLINE_TIMER_QUEUE, ALERT_ESCALATION_QUEUE]) {
        const queued = await boss.findJobs(queue, { queued: true, limit: MAX_JOBS_LISTED });
        const worked = queued.filter((job) => job.startAfter.getTime() <= until.getTime()).map((job) => job.id);
        if (worked.length > 0) await boss.complete(queue, worked, null, { includeQueued: true });
      }
    } finally {
      await boss.stop({ graceful: false, close: false });
    }
  }

  private jobDatabase() {
    return {
      executeSql: async (text: string, values?: unknown[]) => {
        const runner = this.dataSource.createQueryRunner();
        try {
          return { rows: (await runner.query(text, values, true)).records as unknown[] };
        } finally {
          await runner.release();
        }
      },
    };
  }

  private async assertOutcomes(placed: readonly PlacedStory[]): Promise<void> {
    const rows = (await this.dataSource.query('SELECT id, state FROM cases WHERE id = ANY($1)', [placed.map((p) => p.caseId)])) as { id: string; state: CaseState }[];
    const stateOf = new Map(rows.map((row) => [row.id, row.state]));
    const wrong = placed.filter((p) => stateOf.get(p.caseId!) !== p.story.expect);
    if (wrong.length > 0) {
      throw new Error(`demo stories ended in the wrong state: ${wrong.map((p) => `${p.story.key} is ${stateOf.get(p.caseId!)}, not ${p.story.expect}`).join('; ')}`);
    }
  }
}

function isMarker(value: object): value is DemoMarker {
  return Object.keys(value).some((key) => key.startsWith('$'));
}

/** （2026）吉0402民初1187号: the year is that of the document's date. */
function courtNumber(court: DemoCourt, kind: string, no: number, on: LegalDate): string {
  return `（${yearOf(on)}）${DEMO_COURT_CODES[court]}${kind}${no}号`;
}

/**
 * The workers' part of the replay: between two steps, every deadline timer, RED-alert escalation and daily screening
 * that falls due runs at its own instant, in order, through the workers' own handlers. Which timers exist is what the
 * scheduler queued: timersFor() as of the moment the deadline row was last written. Each runs once, as the queue's
 * singleton key makes it; the seed then marks their jobs completed (completeReplayedJobs).
 */
class TimerReplay {
  fired = 0;
  private readonly done = new Set<string>();

  constructor(
    private readonly organizationId: string,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly workers: ReplayedWorkers,
  ) {}

  async fireUntil(until: Date, clock: Clock): Promise<void> {
    for (let next = await this.nextDue(until); next !== undefined; next = await this.nextDue(until)) {
      const timer = next;
      this.done.add(timer.key);
      await clock.runAt(timer.at, () => timer.fire());
      this.fired += 1;
    }
  }

  private async nextDue(until: Date): Promise<DueTimer | undefined> {
    const [deadlineTimers, escalationTimers] = await Promise.all([this.deadlineTimers(), this.escalationTimers()]);
    const due = [...deadlineTimers, ...escalationTimers, ...this.screenings()].filter(
      (timer) => !this.done.has(timer.key) && timer.at.getTime() <= until.getTime(),
    );
    return due.sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  }

  private screenings(): DueTimer[] {
    return this.workers.screeningTimes.map((at) => ({ at, key: `screening:${at.toISOString()}`, fire: () => this.workers.screenings.screenAll() }));
  }

  private async deadlineTimers(): Promise<DueTimer[]> {
    const rows = (await this.dataSource.query(
      `SELECT d.id, d.case_id, d.kind, d.due_on::text AS due_on, d.updated_at FROM deadlines d JOIN cases c ON c.id = d.case_id
       WHERE c.organization_id = $1 AND d.status = 'PENDING' AND d.paused_since IS NULL`,
      [this.organizationId],
    )) as PendingDeadlineRow[];
    return rows.flatMap((row) =>
      timersFor({ id: row.id, kind: row.kind, dueOn: row.due_on }, row.updated_at).map((timer) => {
        const key = timerKey(row.id, timer.action, row.due_on);
        const job = { deadlineId: row.id, caseId: row.case_id, action: timer.action, dueOn: row.due_on };
        return { at: latest(timer.at, new Date(row.updated_at.getTime() + POLL_MS)), key, fire: () => this.workers.deadlines.fire(job, `demo-seed:timer:${key}`) };
      }),
    );
  }

  private async escalationTimers(): Promise<DueTimer[]> {
    const rows = (await this.dataSource.query(
      `SELECT a.id, coalesce(a.level_raised_at, a.raised_at) AS since FROM alerts a JOIN cases c ON c.id = a.case_id
       WHERE c.organization_id = $1 AND a.level = 'RED' AND a.status = 'OPEN' AND NOT a.escalated`,
      [this.organizationId],
    )) as { id: string; since: Date }[];
    return rows.map((row) => ({
      at: escalationDueAt(row.since, this.config.alertEscalationMinutes),
      key: `escalation:${row.id}`,
      fire: () => this.workers.escalations.escalate(row.id, `demo-seed:escalation:${row.id}`),
    }));
  }
}

function latest(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
