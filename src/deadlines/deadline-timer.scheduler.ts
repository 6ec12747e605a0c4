import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DeadlineKind } from '../cases/machine/case.types';
import { Clock } from '../common/clock/clock';
import { DEADLINE_TIMER_QUEUE } from '../jobs/job-queues';
import { JobRunner } from '../jobs/job-runner';
import { DeadlineTimerJob, timerKey, timersFor } from './deadline-timers';

export interface SchedulableDeadline {
  readonly id: string;
  readonly caseId: string;
  readonly kind: DeadlineKind;
  readonly dueOn: string;
}

/**
 * Queues a deadline's timers in the transaction that created or moved it, so a deadline never exists without its
 * timers and a rolled-back change leaves none behind. Timers are never cancelled: one that finds its deadline met,
 * cancelled, paused or moved does nothing (DOMAIN §4 "Timers").
 */
@Injectable()
export class DeadlineTimerScheduler {
  constructor(
    private readonly jobs: JobRunner,
    private readonly clock: Clock,
  ) {}

  /** All the deadlines' timers in one statement: a registration opens several deadlines with up to four timers each. */
  async schedule(tx: EntityManager, deadlines: readonly SchedulableDeadline[]): Promise<void> {
    const now = this.clock.now();
    const jobs = deadlines.flatMap((deadline) =>
      timersFor(deadline, now).map((timer) => {
        const data: DeadlineTimerJob = { deadlineId: deadline.id, caseId: deadline.caseId, action: timer.action, dueOn: deadline.dueOn };
        return { data, startAfter: timer.at, singletonKey: timerKey(deadline.id, timer.action, deadline.dueOn) };
      }),
    );
    await this.jobs.sendMany(tx, DEADLINE_TIMER_QUEUE, jobs);
  }
}
