import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONSOLE_SECURITY_HEADERS, REVALIDATE_CACHE, cacheControlFor } from './console-headers';

export interface ConsoleServingOptions {
  /** The Vite build: index.html plus assets/. */
  readonly root: string;
  readonly log: (message: string) => void;
}

function isApiPath(url: string): boolean {
  const path = url.split('?')[0];
  return path === '/api' || path.startsWith('/api/');
}

function acceptsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * Serves the console's build at `/`. A page address the browser asks for (a deep link such as /cases/…) gets
 * index.html and the client router takes over; anything else unknown falls through to the application's 404, so
 * `/api/*` keeps its JSON error envelope. Without a build (an API-only image) it says so once and serves nothing.
 */
export function registerConsole(fastify: FastifyInstance, options: ConsoleServingOptions): boolean {
  const indexPath = join(options.root, 'index.html');
  if (!existsSync(indexPath)) {
    options.log(`Console not served: no build at ${indexPath} (run "npm run build" to build it); the API is unaffected.`);
    return false;
  }
  // Read once: the build does not change under a running service, and every deep link answers with it.
  const indexHtml = readFileSync(indexPath);
  // Queued, not awaited: the plugin loads at ready(), after Nest has installed the 404 handler it falls back to.
  fastify.register(async (scope) => {
    scope.addHook('onSend', async (_request, reply) => {
      void reply.headers(CONSOLE_SECURITY_HEADERS);
    });
    await scope.register(fastifyStatic, {
      root: options.root,
      prefix: '/',
      // One route per built file instead of a wildcard, so that the SPA fallback below owns every other path.
      wildcard: false,
      index: false,
      globIgnore: ['index.html'],
      dotfiles: 'ignore',
      decorateReply: false,
      cacheControl: false,
      setHeaders: (reply, path) => void reply.header('cache-control', cacheControlFor(relative(options.root, path).split('\\').join('/'))),
    });
    scope.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
      if (isApiPath(request.url) || !acceptsHtml(request)) return reply.callNotFound();
      return reply.header('cache-control', REVALIDATE_CACHE).type('text/html; charset=utf-8').send(indexHtml);
    });
  });
  return true;
}
