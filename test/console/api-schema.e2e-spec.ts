import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { createTestApp, TestApp } from '../helpers/test-app';
import { API_SCHEMA_FILE, fetchApiDocument, renderApiSchema } from './api-schema';

// `npm run api:schema` runs this suite with API_SCHEMA=write to regenerate the file; `npm test` only compares.
const writing = process.env.API_SCHEMA === 'write';

describe('web/src/api/schema.d.ts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it(writing ? 'is regenerated from the running application' : "matches the running application's OpenAPI document", async () => {
    const generated = await renderApiSchema(await fetchApiDocument(t));
    if (writing) {
      writeFileSync(API_SCHEMA_FILE, generated);
      return;
    }
    const committed = readFileSync(API_SCHEMA_FILE, 'utf8');
    if (committed !== generated) {
      throw new Error(`${relative(process.cwd(), API_SCHEMA_FILE)} is out of date with the API: run npm run api:schema and commit the result.`);
    }
  });

  it('describes only /api routes: the console is served outside the OpenAPI document', async () => {
    const document = await fetchApiDocument(t);
    const outside = Object.keys(document.paths ?? {}).filter((path) => !path.startsWith('/api/'));
    expect(outside).toEqual([]);
  });
});
