import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LEGAL_TIME_ZONE } from '../calendar/legal-date';
import { DAILY_SCREENING_QUEUE } from '../jobs/job-queues';
import { JobRunner } from '../jobs/job-runner';
import { CaseRiskService } from './case-risk.service';
import { RiskScreeningService } from './risk-screening.service';

/** 08:00 Asia/Shanghai every day: one SCHEDULED screening per union organization, as of that day (DOMAIN §5). */
export const DAILY_SCREENING_CRON = '0 8 * * *';

@Injectable()
export class DailyScreeningWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(DailyScreeningWorker.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobRunner,
    private readonly screenings: RiskScreeningService,
    private readonly risk: CaseRiskService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work(DAILY_SCREENING_QUEUE, async () => {
      await this.screenAll();
    });
    await this.jobs.schedule(DAILY_SCREENING_QUEUE, DAILY_SCREENING_CRON, {}, LEGAL_TIME_ZONE);
  }

  /** Screens every union organization as of today; one that another instance already did is skipped. */
  async screenAll(): Promise<number> {
    const today = this.risk.today();
    const organizations = (await this.dataSource.query(`SELECT id FROM organizations WHERE kind = 'UNION' ORDER BY id`)) as { id: string }[];
    let screened = 0;
    for (const { id } of organizations) {
      const record = await this.screenings.screen(id, today, 'SCHEDULED', null, `daily-screening:${today}`);
      if (record !== null) {
        screened += 1;
        this.logger.log({ organizationId: id, asOf: today, casesScreened: record.casesScreened, alertsRaised: record.alertsRaised }, 'daily risk screening done');
      }
    }
    return screened;
  }
}
