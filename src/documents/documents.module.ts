import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

/** The paper a mediation office hands out and sends to the court (DOMAIN §8), generated as .docx. */
@Module({
  imports: [AuditModule, CasesModule, DeadlinesModule],
  controllers: [DocumentsController],
  providers: [DocumentsService],
})
export class DocumentsModule {}
