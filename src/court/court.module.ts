import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CaseAccessModule } from '../cases/case-access.module';
import { CourtHandoffController } from './court-handoff.controller';
import { CourtHandoffService } from './court-handoff.service';
import { CourtQueueController } from './court-queue.controller';
import { CourtQueueService } from './court-queue.service';

/** The court liaison's side of the handoff (issue 6): their queue and the feedback letter's acknowledgement. */
@Module({
  imports: [AuditModule, CaseAccessModule],
  controllers: [CourtQueueController, CourtHandoffController],
  providers: [CourtQueueService, CourtHandoffService],
})
export class CourtModule {}
