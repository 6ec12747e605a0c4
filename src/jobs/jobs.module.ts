import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Clock as JobClock } from 'pg-boss';
import { JOB_CLOCK, JobRunner } from './job-runner';

/** Tests pass pg-boss's TestClock so that timers fire when the test moves time, not the wall clock. */
@Global()
@Module({})
export class JobsModule {
  static register(clock?: JobClock): DynamicModule {
    return {
      module: JobsModule,
      providers: [{ provide: JOB_CLOCK, useValue: clock }, JobRunner],
      exports: [JobRunner],
    };
  }
}
