import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, TestApp } from './helpers/test-app';

// Every route the OpenAPI document publishes is requested by at least one end-to-end test. A new controller method
// without an e2e test fails here, by name, instead of shipping untested.

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function testSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testSources(path);
    return entry.name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

/**
 * `/api/cases/{id}/documents/{kind}` as it appears in a test: literally, or with `${…}` or a value in place of each
 * parameter, followed by a query, a quote or the end of a template.
 */
function routePattern(path: string): RegExp {
  const segments = path.split(/\{[^}]+\}/).map((literal) => literal.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
  return new RegExp(`${segments.join('(?:\\$\\{[^}]+\\}|[^/\\s\'"`?$]+)')}(?=[?'"\`]|\\$\\{)`);
}

describe('the OpenAPI document and the e2e tests', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  let sources: string;

  beforeAll(async () => {
    t = await createTestApp();
    document = (await t.request({ method: 'GET', url: '/api/docs-json' })).json() as OpenApiDocument;
    sources = testSources(__dirname).join('\n');
  });

  afterAll(async () => {
    await t.close();
  });

  it('recognises a route written with template parameters, and not a longer route that starts with it', () => {
    const pattern = routePattern('/api/cases/{id}/documents/{kind}');
    expect(pattern.test("url: `/api/cases/${caseId}/documents/${kind}`")).toBe(true);
    expect(pattern.test("url: '/api/cases/abc/documents/acceptance-notice?x=1'")).toBe(true);
    expect(pattern.test("url: `/api/cases/${caseId}/documents/${kind}/extra`")).toBe(false);
    expect(routePattern('/api/reports/summary').test("url: `/api/reports/summary.csv?${RANGE}`")).toBe(false);
  });

  it('has every published route requested by some e2e test', () => {
    const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      METHODS.filter((method) => method in operations).map((method) => ({ method: method.toUpperCase(), path })),
    );
    expect(routes.length).toBeGreaterThan(50);
    const untested = routes.filter(({ path }) => !routePattern(path).test(sources));
    expect(untested).toEqual([]);
  });
});
