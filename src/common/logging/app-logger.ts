import { Injectable } from '@nestjs/common';
import { Logger } from 'nestjs-pino';

// Nest announces every module and route at start-up; at info level that buries the start-up banner and every real
// event of the first minute. They stay available at debug.
const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/** nestjs-pino's Logger, with Nest's start-up chatter moved down to debug. */
@Injectable()
export class AppLogger extends Logger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && BOOT_CONTEXTS.has(context)) {
      super.debug(message, ...optionalParams);
      return;
    }
    super.log(message, ...optionalParams);
  }
}
