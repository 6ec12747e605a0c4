import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { resolve } from 'node:path';
import { registerConsole } from './console-static';

/**
 * Where `npm run build` puts the console. Relative to the working directory like DATA_DIR: `npm start` and the
 * Docker image both run from the package root.
 */
export const CONSOLE_BUILD_DIR = resolve('web', 'dist');

/** The web console at `/`, next to the API under `/api`; plain Fastify routes, so they stay out of the OpenAPI document. */
@Module({})
export class ConsoleModule implements OnModuleInit {
  private readonly logger = new Logger(ConsoleModule.name);

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    registerConsole(fastify, { root: CONSOLE_BUILD_DIR, log: (message) => this.logger.warn(message) });
  }
}
