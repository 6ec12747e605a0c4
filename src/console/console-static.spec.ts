import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSOLE_CONTENT_SECURITY_POLICY, HASHED_ASSET_CACHE } from './console-headers';
import { registerConsole } from './console-static';

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

function buildDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'tiaojie-console-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>tiaojie</title><div id="root"></div>');
  writeFileSync(join(root, 'assets', 'main-3f9a1c.js'), 'console.log("console")');
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, '.env'), 'SECRET=1');
  return root;
}

async function serve(root: string): Promise<{ fastify: FastifyInstance; logged: string[]; served: boolean }> {
  const fastify = new FastifyAdapter().getInstance() as unknown as FastifyInstance;
  // Stands in for the application's JSON 404, which the real app installs the same way.
  fastify.setNotFoundHandler((_request, reply) => void reply.code(404).send({ code: 'NOT_FOUND' }));
  const logged: string[] = [];
  const served = registerConsole(fastify, { root, log: (line) => logged.push(line) });
  await fastify.ready();
  return { fastify, logged, served };
}

describe(registerConsole.name, () => {
  let root: string;
  let fastify: FastifyInstance;

  beforeAll(async () => {
    root = buildDir();
    ({ fastify } = await serve(root));
  });

  afterAll(async () => {
    await fastify.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers / with index.html, never cached, with the console security headers', async () => {
    const res = await fastify.inject({ method: 'GET', url: '/', headers: HTML });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<div id="root">');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toBe(CONSOLE_CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });

  it('answers a deep link a browser navigates to with index.html', async () => {
    const res = await fastify.inject({ method: 'GET', url: '/cases/3b1f?page=2', headers: HTML });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root">');
  });

  it('leaves unknown paths that do not ask for a page to the 404 handler', async () => {
    const res = await fastify.inject({ method: 'GET', url: '/cases/3b1f', headers: { accept: 'application/json' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'NOT_FOUND' });
  });

  it('never answers an /api path with the page, even when a browser asks for one', async () => {
    for (const url of ['/api', '/api/nope', '/api/cases/x/y?z=1']) {
      const res = await fastify.inject({ method: 'GET', url, headers: HTML });
      expect({ url, status: res.statusCode, body: res.json() as unknown }).toEqual({ url, status: 404, body: { code: 'NOT_FOUND' } });
    }
  });

  it('caches content-hashed assets for a year and other files not at all', async () => {
    const asset = await fastify.inject({ method: 'GET', url: '/assets/main-3f9a1c.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(asset.headers['cache-control']).toBe(HASHED_ASSET_CACHE);
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
    const icon = await fastify.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('serves no dotfile that ended up in the build', async () => {
    const res = await fastify.inject({ method: 'GET', url: '/.env' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('SECRET');
  });

  it('without a build, logs one line naming the missing file and serves nothing at /', async () => {
    const missing = join(root, 'not-built');
    const bare = await serve(missing);
    try {
      expect(bare.served).toBe(false);
      expect(bare.logged).toEqual([expect.stringContaining(join(missing, 'index.html'))]);
      const res = await bare.fastify.inject({ method: 'GET', url: '/', headers: HTML });
      expect(res.statusCode).toBe(404);
    } finally {
      await bare.fastify.close();
    }
  });
});
