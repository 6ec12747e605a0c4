import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HASHED_ASSET_CACHE } from '../../src/console/console-headers';
import { createTestApp, TestApp } from '../helpers/test-app';
import { CONSOLE_BUILD, requireConsoleBuild } from './console-app';

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

function builtAsset(extension: string): string {
  const name = readdirSync(join(CONSOLE_BUILD, '..', 'assets')).find((file) => file.endsWith(extension));
  if (!name) throw new Error(`the console build has no ${extension} asset`);
  return `/assets/${name}`;
}

describe('the console served by the application', () => {
  let t: TestApp;

  beforeAll(async () => {
    requireConsoleBuild();
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers / with the built index.html, never cached, under the console security policy', async () => {
    const res = await t.request({ method: 'GET', url: '/', headers: HTML });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<div id="root"></div>');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('answers a deep link such as /cases/xyz with index.html, for the client router', async () => {
    const res = await t.request({ method: 'GET', url: '/cases/xyz', headers: HTML });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root"></div>');
  });

  it('keeps the JSON 404 envelope for an unknown /api route, even when a browser asks for it', async () => {
    for (const headers of [HTML, { accept: 'application/json' }]) {
      const res = await t.request({ method: 'GET', url: '/api/nope', headers });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'No route GET /api/nope.', requestId: expect.any(String) });
    }
  });

  it('keeps the API itself as it was: no console headers on JSON answers', async () => {
    const res = await t.request({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toBeUndefined();
  });

  it('serves the content-hashed scripts and styles cached for a year', async () => {
    for (const [asset, type] of [[builtAsset('.js'), /javascript/], [builtAsset('.css'), /^text\/css/]] as const) {
      const res = await t.request({ method: 'GET', url: asset });
      expect({ asset, status: res.statusCode }).toEqual({ asset, status: 200 });
      expect(res.headers['content-type']).toMatch(type);
      expect(res.headers['cache-control']).toBe(HASHED_ASSET_CACHE);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('answers a missing asset with 404, not with the page', async () => {
    const res = await t.request({ method: 'GET', url: '/assets/gone-0000.js', headers: { accept: '*/*' } });
    expect(res.statusCode).toBe(404);
  });
});
