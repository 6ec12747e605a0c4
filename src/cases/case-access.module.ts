import { Module } from '@nestjs/common';
import { CaseAccessService } from './case-access.service';

/**
 * Case visibility on its own, so that modules the case workflow itself depends on (alerts, risk) can apply the same
 * object-level rules without importing the whole cases module.
 */
@Module({
  providers: [CaseAccessService],
  exports: [CaseAccessService],
})
export class CaseAccessModule {}
