import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';

/** First-start work (the bootstrap administrator, demo data); returns the lines to print to the operator. */
export async function runStartupTasks(_app: INestApplication, _config: AppConfig): Promise<string[]> {
  return [];
}
