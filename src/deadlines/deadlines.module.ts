import { Module } from '@nestjs/common';
import { DeadlineProjection } from './deadline-projection';
import { DeadlineTimerScheduler } from './deadline-timer.scheduler';

@Module({
  providers: [DeadlineProjection, DeadlineTimerScheduler],
  exports: [DeadlineProjection],
})
export class DeadlinesModule {}
