import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { PgBoss } from 'pg-boss';
import type { Clock as JobClock, Job, JobInsert, SendOptions, WorkOptions } from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JOB_SCHEMA } from './job-queues';

export const JOB_CLOCK = Symbol('JOB_CLOCK');

export type JobHandler<T> = (job: Job<T>) => Promise<void>;

/**
 * The service's one pg-boss instance. It sends jobs inside the caller's transaction, so a job exists exactly when the
 * change that asked for it committed, and works queues only where RUN_WORKERS is on.
 */
@Injectable()
export class JobRunner implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly boss: PgBoss;
  private started = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOB_CLOCK) clock: unknown,
  ) {
    this.boss = new PgBoss({
      connectionString: config.databaseUrl,
      schema: JOB_SCHEMA,
      application_name: 'tiaojie-jobs',
      max: 4,
      // The owner installed the schema and the queues (job-schema.ts); the running service does no DDL.
      migrate: false,
      createSchema: false,
      reindex: false,
      supervise: config.runWorkers,
      schedule: config.runWorkers,
      ...(clock ? { clock: clock as JobClock } : {}),
      // A test's clock installs its own clock table and function in the schema (DDL), which only the owner may do;
      // production never passes one, and then pg-boss runs as the application's role like everything else.
      ...(config.databaseRole && !clock ? { options: `-c role=${config.databaseRole}` } : {}),
    } as ConstructorParameters<typeof PgBoss>[0]);
    // An unhandled 'error' event would end the process; a lost connection is retried by pg-boss itself.
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'job queue error'));
  }

  get runsWorkers(): boolean {
    return this.config.runWorkers;
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    this.started = true;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, timeout: 10_000, close: true });
  }

  /** Queues a job as part of `tx`: it is created if and only if `tx` commits. Answers null when deduplicated. */
  send<T extends object>(tx: EntityManager, queue: string, data: T, options: SendOptions = {}): Promise<string | null> {
    return this.boss.send(queue, data, { ...options, db: this.inTransaction(tx) });
  }

  private inTransaction(tx: EntityManager): { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> } {
    const runner = tx.queryRunner;
    if (!runner) throw new Error('JobRunner needs an EntityManager inside a transaction to queue jobs');
    return { executeSql: async (text: string, values?: unknown[]) => ({ rows: (await runner.query(text, values, true)).records as unknown[] }) };
  }

  /**
   * Queues many jobs as part of `tx` in one statement. Each job's options are send()'s; as with send(), a job whose
   * singletonKey is already waiting on a `stately` queue is skipped.
   */
  async sendMany<T extends object>(tx: EntityManager, queue: string, jobs: readonly (JobInsert<T> & { data: T })[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.boss.insert(queue, [...jobs], { db: this.inTransaction(tx) });
  }

  /** Works a queue one job at a time per poll; a handler that throws has its job retried by the queue's policy. */
  async work<T>(queue: string, handler: JobHandler<T>, options: WorkOptions = {}): Promise<void> {
    if (!this.config.runWorkers) return;
    await this.boss.work<T>(queue, { batchSize: 1, pollingIntervalSeconds: 1, ...options }, async ([job]) => {
      await handler(job);
    });
  }

  /** A cron schedule, run once per occurrence across all instances (pg-boss keeps schedules in the database). */
  async schedule(queue: string, cron: string, data: object, timeZone: string): Promise<void> {
    if (!this.config.runWorkers) return;
    await this.boss.schedule(queue, cron, data, { tz: timeZone });
  }
}
