import { Module } from '@nestjs/common';
import { AuditCheckpointService } from './audit-checkpoint.service';
import { AuditExportService } from './audit-export.service';
import { AuditQueryService } from './audit-query.service';
import { AuditVerificationService } from './audit-verification.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** The audit trail: the append path for every module that records a change in its own transaction, and its reading side. */
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditQueryService, AuditVerificationService, AuditCheckpointService, AuditExportService],
  exports: [AuditService, AuditCheckpointService],
})
export class AuditModule {}
