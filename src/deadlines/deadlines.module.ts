import { Module } from '@nestjs/common';
import { DeadlineProjection } from './deadline-projection';

@Module({
  providers: [DeadlineProjection],
  exports: [DeadlineProjection],
})
export class DeadlinesModule {}
