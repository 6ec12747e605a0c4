import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { AppModule } from './app.module';
import type { Clock as JobClock } from 'pg-boss';
import { AppLogger } from './common/logging/app-logger';
import { AppConfig } from './config/app-config';
import { Clock } from './common/clock/clock';
import { AllExceptionsFilter, answerRouterError } from './common/errors/all-exceptions.filter';
import { createValidationPipe } from './common/errors/validation-pipe';
import { ErrorEnvelope } from './common/errors/error-envelope';
import { REQUEST_ID_HEADER, requestIdFor } from './common/request-id/request-id';

export const BODY_LIMIT_BYTES = 1024 * 1024;

function setUpOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('tiaojie 调解 API')
      .setDescription('Labour-dispute mediation run jointly by a trade union and a court (工会+法院 诉调对接). '
        + 'Every error answers with the ErrorEnvelope schema.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorEnvelope] },
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', yamlDocumentUrl: 'api/docs-yaml' });
}

/** Builds the whole HTTP application; main.ts and the e2e tests share it so that tests exercise what ships. */
export async function createApp(config: AppConfig, options: { clock?: Clock; jobClock?: JobClock; logger?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: (raw: IncomingMessage) => requestIdFor(raw),
    requestIdHeader: false,
    trustProxy: 'loopback',
    frameworkErrors: answerRouterError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, options.clock, options.jobClock), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  if (options.logger !== false) app.useLogger(app.get(AppLogger));
  else app.useLogger(false);
  app.getHttpAdapter().getInstance().addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  setUpOpenApi(app);
  return app;
}
