import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from './app-config';
import { Clock, SystemClock } from '../common/clock/clock';

/** Provides the validated AppConfig and the Clock to every module. Tests pass their own Clock. */
@Global()
@Module({})
export class AppConfigModule {
  static register(config: AppConfig, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: AppConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}
