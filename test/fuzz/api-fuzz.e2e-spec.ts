import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { ERROR_CODES, ERROR_STATUS } from '../../src/common/errors/error-codes';
import { FixedClock } from '../../src/common/clock/clock';
import { collectiveCaseBody, INTAKE_NOW, individualCaseBody } from '../factories/case.factory';
import { createTestApp, TestApp } from '../helpers/test-app';
import { CALLER_NAMES, CallerName, CURRENT_PASSWORD, FACTORY_PASSWORD, FuzzWorld } from './fuzz-world';
import { BAD_AMOUNTS, BAD_DATES, CONTENT_TYPES, EXTRA_KEYS, HUGE, RAW_BODIES, badAuthorization, hostileText, hostileValue, oddHeaders } from './hostile-values';
import { Schema, SchemaResolver, ValidValues } from './schema-arbitraries';

// Generated requests against every operation of the OpenAPI document, as every kind of caller: none may answer 5xx,
// every 4xx must be the documented error envelope, and the service must still be ready afterwards.
//
// FUZZ_REQUESTS (default 1000) sets how many requests are sent, e.g. 10000 for the nightly run. FUZZ_SEED replays a
// run; unset, CI uses one fixed seed so that its verdict is reproducible, and `FUZZ_SEED=random` (the nightly run)
// explores a new one each time. The seed is printed with every failure.
//
// Callers keep usable accounts, because a run that locks its own callers out stops testing anything but 401:
// - PATCH /users/{id}, /users/{id}/password, /deactivate and /activate never target a caller; four bystander users and
//   the users the run creates take those requests instead.
// - POST /auth/password may succeed for a caller (it is sent with their real password now and then); the caller is
//   signed in again with the new password straight after.
// - POST /auth/login is sent with bystanders' usernames, never a caller's: the sign-in throttle counts failures per
//   username with a clock that never moves, so a caller's name would stay locked for the rest of the run.
// - A caller answered 401 or ACCOUNT_DEACTIVATED for anything else is signed in again, or replaced when that fails,
//   and the run goes on: the answer itself is still checked like any other.

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1000);
const CI_SEED = 20261201;
const SEED =
  process.env.FUZZ_SEED === undefined ? CI_SEED : process.env.FUZZ_SEED === 'random' ? Date.now() ^ (Math.random() * 0x100000000) : Number(process.env.FUZZ_SEED);
const ENVELOPE_KEYS = new Set(['statusCode', 'code', 'message', 'details', 'requestId']);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const RAW_PATH_SEGMENTS = ['%', '%zz', '%00', '..', '.', '%2e%2e', '%2F', ';', 'a;b=c', '%ED%A0%80', '%C0%AF'];

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
  key: string;
}

interface OpenApiDocument {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>>;
  components: { schemas: Record<string, Schema> };
}

type Who = CallerName | 'anonymous' | { authorization: string };

/** One generated request, before the caller's current token and password are filled in. */
interface FuzzRequest {
  op: Operation;
  who: Who;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  remoteAddress?: string;
  variant: string;
}

interface Failure {
  request: string;
  status: number;
  problem: string;
  response: string;
}

function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    METHODS.filter((method) => operations[method]).map((method) => {
      const operation = operations[method]!;
      return {
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content['application/json']?.schema,
        key: `${method.toUpperCase()} ${path}`,
      };
    }),
  );
}

/** Percent-encodes like encodeURIComponent, but writes a lone surrogate as its (invalid) WTF-8 bytes instead of throwing. */
function encode(text: string): string {
  return text.replace(/[\s\S]/gu, (char) => {
    const unit = char.charCodeAt(0);
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    }
    return encodeURIComponent(char);
  });
}

/** The collection a path addresses, e.g. `/api/cases/{id}/assistance/{assistanceId}/approve` → `assistance` for its last id. */
function collectionBefore(path: string, parameter: string): string {
  const segments = path.split('/');
  return segments[segments.indexOf(`{${parameter}}`) - 1] ?? '';
}

function collectionOf(path: string): string {
  const literals = path.split('/').filter((segment) => segment && !segment.startsWith('{'));
  return path.endsWith('}') ? collectionBefore(path, path.slice(path.lastIndexOf('{') + 1, -1)) : literals[literals.length - 1];
}

type JsonPath = (string | number)[];

function pathsIn(value: unknown, prefix: JsonPath = [], depth = 0): JsonPath[] {
  if (depth > 4 || value === null || typeof value !== 'object') return [prefix];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => pathsIn((value as Record<string | number, unknown>)[key], [...prefix, key], depth + 1))];
}

type Mutation = 'delete' | 'replace' | 'extra';

/** The valid body with one thing wrong: a field gone, a field's value hostile, or a field nobody declared. */
function mutate(body: unknown, choice: number, mutation: Mutation, hostile: unknown, extraKey: string): { body: unknown; variant: string } {
  const copy = structuredClone(body) as unknown;
  const paths = pathsIn(copy);
  const path = paths[choice % paths.length];
  if (path.length === 0) return mutation === 'replace' ? { body: hostile, variant: 'body replaced' } : { body: { ...(copy as object), [extraKey]: hostile }, variant: `extra ${extraKey.slice(0, 20)}` };
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, copy as Record<string, unknown>);
  const last = path[path.length - 1];
  if (mutation === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (mutation === 'replace') {
    parent[last] = hostile;
  } else {
    const target = parent[last];
    if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[extraKey] = hostile;
    else parent[last] = hostile;
  }
  return { body: copy, variant: `${mutation} ${path.join('.')}` };
}

function describeRequest(request: FuzzRequest): string {
  const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…(${text.length} chars)` : text);
  const who = typeof request.who === 'string' ? request.who : `authorization ${clip(request.who.authorization)}`;
  const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${clip(value)}`);
  return [`${request.method} ${clip(request.url)}  [${request.op.key}; ${request.variant}; as ${who}]`, ...headers, request.payload === undefined ? '(no body)' : clip(request.payload)].join('\n  ');
}

/** What is wrong with a response, or undefined: a 5xx, or a 4xx that is not the documented envelope. */
function problemWith(res: LightMyRequestResponse): string | undefined {
  if (res.statusCode >= 500) return `status ${res.statusCode}`;
  if (res.statusCode < 400) return undefined;
  const contentType = String(res.headers['content-type'] ?? '');
  if (!/^application\/json\b/.test(contentType)) return `content type ${contentType || '(none)'}`;
  let body: Record<string, unknown>;
  try {
    body = res.json();
  } catch {
    return 'body is not JSON';
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'body is not an object';
  const unknownKeys = Object.keys(body).filter((key) => !ENVELOPE_KEYS.has(key));
  if (unknownKeys.length) return `undocumented fields ${unknownKeys.join(', ')}`;
  if (body.statusCode !== res.statusCode) return `statusCode ${String(body.statusCode)} differs from the status`;
  if (typeof body.code !== 'string' || !(ERROR_CODES as string[]).includes(body.code)) return `unknown code ${String(body.code)}`;
  if (ERROR_STATUS[body.code as keyof typeof ERROR_STATUS] !== res.statusCode) return `code ${body.code} belongs to ${ERROR_STATUS[body.code as keyof typeof ERROR_STATUS]}`;
  if (typeof body.message !== 'string' || body.message.trim() === '') return 'empty message';
  if (typeof body.requestId !== 'string' || body.requestId === '') return 'no requestId';
  if (body.requestId !== res.headers['x-request-id']) return 'requestId differs from the X-Request-Id header';
  return undefined;
}

class RequestGenerator {
  private readonly values: ValidValues;

  constructor(
    private readonly world: FuzzWorld,
    resolver: SchemaResolver,
  ) {
    this.values = new ValidValues(resolver, (field) => this.idsFor(field));
  }

  private pick(ids: () => string[]): fc.Arbitrary<string> {
    return fc.oneof({ weight: 4, arbitrary: fc.nat().map((n) => ids()[n % ids().length] ?? '5b0c3c52-6f0e-4d7a-9d43-1f1f8f0f8a11') }, { weight: 1, arbitrary: fc.uuid() });
  }

  private idsFor(field: string): fc.Arbitrary<string> {
    if (/mediator|user/i.test(field)) return this.pick(() => this.world.pool('users'));
    if (/org/i.test(field)) return this.pick(() => this.world.pool('organizations'));
    if (/case/i.test(field)) return this.pick(() => this.world.pool('cases'));
    return this.pick(() => this.world.allIds());
  }

  private pathValue(op: Operation, parameter: Parameter): fc.Arbitrary<string> {
    if (parameter.schema.enum || parameter.schema.type === 'number') return this.values.of(parameter.schema).map(String);
    const collection = collectionBefore(op.path, parameter.name);
    // Requests that change a user never name a caller (see the header comment).
    const protectsCallers = collection === 'users' && op.method !== 'GET';
    return this.pick(() => this.world.pool(collection).filter((id) => !protectsCallers || !this.world.isCallerId(id)));
  }

  /** Bodies a schema cannot describe well enough to pass the business rules, so that requests reach the handlers. */
  private handWritten(op: Operation): fc.Arbitrary<unknown>[] {
    const world = this.world;
    switch (op.key) {
      case 'POST /api/cases':
        return [
          fc.constantFrom('individual', 'collective', 'court').map((kind) =>
            kind === 'individual' ? individualCaseBody() : kind === 'collective' ? collectiveCaseBody() : individualCaseBody({ source: 'COURT_DELEGATED', courtOrgId: world.courtId }),
          ),
        ];
      case 'POST /api/auth/login':
        return [fc.nat().map((n) => ({ username: world.bystanders[n % world.bystanders.length].username, password: FACTORY_PASSWORD }))];
      case 'POST /api/auth/password':
        return [fc.stringMatching(/^[a-z]{4}-[a-z]{4}-[a-z]{4}-\d{4}$/).map((newPassword) => ({ currentPassword: CURRENT_PASSWORD, newPassword }))];
      case 'POST /api/cases/{id}/events':
        return [fc.constantFrom('ACCEPT', 'ASSIGN_MEDIATOR', 'RESPONDENT_CONSENTS').map((type) => (type === 'ASSIGN_MEDIATOR' ? { type, mediatorId: world.caller('mediator').userId } : { type }))];
      case 'POST /api/sensitive-periods':
        return [fc.record({ name: fc.constant('辽源市第九次党代会'), kind: fc.constantFrom('PARTY_CONGRESS', 'CUSTOM'), startsOn: fc.constant('2026-06-08'), endsOn: fc.constant('2026-06-12'), milestones: fc.constant([{ on: '2026-06-08', label: '开幕' }]) })];
      case 'POST /api/cases/{id}/assistance':
        return [fc.record({ applicantPosition: fc.nat(3), kind: fc.constant('RELIEF_FUNDS'), amount: fc.constant('2000.50'), givenOn: fc.constant('2026-09-20'), note: fc.constant('家中老人住院，生活困难') })];
      case 'PUT /api/risk-rules':
        return world.riskRules ? [fc.constant({ rules: world.riskRules.rules, baseVersion: world.riskRules.version, note: '模糊测试' })] : [];
      default:
        return [];
    }
  }

  private validBody(op: Operation): fc.Arbitrary<unknown> {
    const fromSchema = this.values.of(op.body!);
    return fc.oneof(fromSchema, ...this.handWritten(op));
  }

  private query(op: Operation): fc.Arbitrary<[string, string][]> {
    const parameters = op.parameters.filter((parameter) => parameter.in === 'query');
    return fc
      .tuple(
        ...parameters.map((parameter) => {
          const value = this.values.of(parameter.schema, parameter.name).map(String);
          return parameter.required ? value : fc.option(value, { nil: undefined, freq: 2 });
        }),
      )
      .map((values) => values.flatMap((value, index): [string, string][] => (value === undefined ? [] : [[parameters[index].name, value]])));
  }

  private who(): fc.Arbitrary<Who> {
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...CALLER_NAMES) },
      { weight: 1, arbitrary: fc.constant<Who>('anonymous') },
    );
  }

  private valid(op: Operation) {
    const pathParameters = op.parameters.filter((parameter) => parameter.in === 'path');
    return fc.record({
      who: this.who(),
      path: fc.tuple(...pathParameters.map((parameter) => this.pathValue(op, parameter).map(encode))),
      query: this.query(op),
      body: op.body ? this.validBody(op).map((body) => JSON.stringify(body)) : fc.constant<string | undefined>(undefined),
      remoteAddress: fc.constantFrom('127.0.0.1', '10.9.0.1', '10.9.0.2', '10.9.0.3'),
    });
  }

  request(op: Operation): fc.Arbitrary<FuzzRequest> {
    const pathParameters = op.parameters.filter((parameter) => parameter.in === 'path');
    const build = (base: fc.Arbitrary<{ who: Who; path: string[]; query: [string, string][]; body: string | undefined; remoteAddress: string }>, variant: string, extra: Partial<FuzzRequest> = {}) =>
      base.map(({ who, path, query, body, remoteAddress }): FuzzRequest => {
        let url = op.path;
        pathParameters.forEach((parameter, index) => (url = url.replace(`{${parameter.name}}`, path[index])));
        const search = query.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');
        return {
          op,
          who,
          method: op.method,
          url: search ? `${url}?${search}` : url,
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          payload: body,
          remoteAddress,
          variant,
          ...extra,
        };
      });
    const valid = this.valid(op);
    const mutations: fc.Arbitrary<FuzzRequest>[] = [
      build(valid, 'valid'),
      build(
        fc.tuple(valid, badAuthorization).map(([base, authorization]) => ({ ...base, who: { authorization } as Who })),
        'bad authorization',
      ),
      fc.tuple(build(valid, 'odd headers'), oddHeaders).map(([request, headers]) => ({ ...request, headers: { ...request.headers, ...headers } })),
      this.badQuery(op, valid, build),
    ];
    if (pathParameters.length) {
      mutations.push(
        build(
          fc.tuple(valid, fc.nat(), fc.oneof(hostileText.map(encode), fc.constantFrom(...RAW_PATH_SEGMENTS), fc.uuid())).map(([base, index, value]) => {
            const path = [...base.path];
            path[index % path.length] = value || '%20';
            return { ...base, path };
          }),
          'bad path parameter',
        ),
      );
    }
    if (op.body) {
      mutations.push(
        build(
          fc
            .tuple(valid, this.validBody(op), fc.nat(), fc.constantFrom<Mutation>('delete', 'replace', 'extra'), hostileValue, fc.constantFrom(...EXTRA_KEYS))
            .map(([base, body, choice, mutation, hostile, extraKey]) => ({ ...base, body: JSON.stringify(mutate(body, choice, mutation, hostile, extraKey).body) ?? 'null' })),
          'body field',
        ),
        fc.tuple(build(valid, 'raw body'), fc.constantFrom(...RAW_BODIES)).map(([request, payload]) => ({ ...request, payload })),
        fc.tuple(build(valid, 'content type'), fc.constantFrom(...CONTENT_TYPES)).map(([request, contentType]) => ({ ...request, headers: { 'content-type': contentType } })),
        build(valid, 'no body').map((request) => ({ ...request, payload: undefined, headers: {} })),
        build(valid, 'body over 1 MiB').map((request) => ({ ...request, payload: JSON.stringify({ note: HUGE.repeat(11) }) })),
      );
    } else {
      mutations.push(
        fc.tuple(build(valid, 'unexpected body'), fc.oneof(fc.constantFrom(...RAW_BODIES), fc.jsonValue().map((value) => JSON.stringify(value) ?? 'null'))).map(([request, payload]) => ({
          ...request,
          payload,
          headers: { 'content-type': 'application/json' },
        })),
      );
    }
    mutations.push(fc.tuple(build(valid, 'other method'), fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS')).map(([request, method]) => ({ ...request, method, variant: `${method} instead` })));
    return fc.oneof({ weight: mutations.length, arbitrary: mutations[0] }, ...mutations.slice(1));
  }

  private badQuery(op: Operation, valid: ReturnType<RequestGenerator['valid']>, build: (base: ReturnType<RequestGenerator['valid']>, variant: string) => fc.Arbitrary<FuzzRequest>): fc.Arbitrary<FuzzRequest> {
    const names = [...op.parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name), 'page', 'pageSize', 'unknown', '__proto__'];
    const badValue = fc.oneof(hostileText, fc.constantFrom('-1', '0', '1e9', '1.5', '1e2', 'UNKNOWN_ENUM', ...BAD_DATES, ...BAD_AMOUNTS));
    return build(
      fc.tuple(valid, fc.constantFrom(...names), badValue, fc.constantFrom('replace', 'repeat', 'drop')).map(([base, name, value, how]) => {
        const kept = base.query.filter(([key]) => key !== name);
        const query: [string, string][] = how === 'drop' ? kept.slice(1) : how === 'repeat' ? [...base.query, [name, value], [name, value]] : [...kept, [name, value]];
        return { ...base, query };
      }),
      'bad query',
    );
  }
}

describe('generated requests against every operation of the OpenAPI document', () => {
  let t: TestApp;
  let world: FuzzWorld;
  let operations: Operation[];
  let resolver: SchemaResolver;

  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock(new Date(INTAKE_NOW)) });
    const document = (await t.request({ method: 'GET', url: '/api/docs-json' })).json() as OpenApiDocument;
    operations = operationsOf(document);
    resolver = new SchemaResolver(document.components.schemas);
    world = new FuzzWorld(t);
    await world.build();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  async function send(request: FuzzRequest): Promise<LightMyRequestResponse> {
    const caller = typeof request.who === 'string' && request.who !== 'anonymous' ? world.caller(request.who) : undefined;
    const authorization = caller ? `Bearer ${caller.token}` : typeof request.who === 'object' ? request.who.authorization : undefined;
    const payload = caller && request.payload?.includes(JSON.stringify(CURRENT_PASSWORD).slice(1, -1)) ? request.payload.replace(JSON.stringify(CURRENT_PASSWORD).slice(1, -1), caller.password) : request.payload;
    const options: InjectOptions = {
      method: request.method as InjectOptions['method'],
      url: request.url,
      headers: { ...request.headers, ...(authorization === undefined ? {} : { authorization }) },
      remoteAddress: request.remoteAddress,
      ...(payload === undefined ? {} : { payload }),
    };
    const res = await t.request(options);
    if (caller) await keepUsable(caller.name, request, payload, res);
    return res;
  }

  async function keepUsable(name: CallerName, request: FuzzRequest, payload: string | undefined, res: LightMyRequestResponse): Promise<void> {
    if (request.op.key === 'POST /api/auth/password' && res.statusCode === 200) {
      world.caller(name).password = (JSON.parse(payload!) as { newPassword: string }).newPassword;
      await world.repair(name);
      return;
    }
    const code = res.statusCode >= 400 ? (res.json() as { code?: string }).code : undefined;
    if ((res.statusCode === 401 && request.op.key !== 'POST /api/auth/login') || code === 'ACCOUNT_DEACTIVATED') {
      if (process.env.FUZZ_VERBOSE) process.stdout.write(`re-signing in the ${name} after ${res.statusCode} ${code}: ${describeRequest(request).split('\n')[0]}\n`);
      await world.repair(name);
    }
  }

  it(`answers no 5xx and only the error envelope to ${REQUESTS} generated requests (seed ${SEED})`, async () => {
    const generator = new RequestGenerator(world, resolver);
    const arbitraries = new Map(operations.map((op) => [op.key, generator.request(op)]));
    const failures: Failure[] = [];
    const statuses = new Map<string, number[]>();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (draw) => {
        // Round robin over the operations: each gets its share whatever the number of requests.
        const op = operations[run++ % operations.length];
        const request = draw(() => arbitraries.get(op.key)!);
        const res = await send(request);
        statuses.set(op.key, [...(statuses.get(op.key) ?? []), res.statusCode]);
        if (res.statusCode < 300 && request.method === op.method) {
          try {
            world.harvest(collectionOf(op.path), res.json());
          } catch {
            // CSV, XLSX and DOCX answers carry no ids.
          }
        }
        const problem = problemWith(res);
        if (problem) failures.push({ request: describeRequest(request), status: res.statusCode, problem, response: res.body.slice(0, 500) });
      }),
      { numRuns: REQUESTS, seed: SEED, endOnFailure: true },
    );

    const ready = await t.request({ method: 'GET', url: '/api/health/ready' });
    const reached = [...statuses.entries()].filter(([, codes]) => codes.some((status) => status < 300)).map(([key]) => key);
    if (process.env.FUZZ_VERBOSE) {
      for (const [key, codes] of statuses) process.stdout.write(`${key}: ${[...new Set(codes)].sort().join(' ')}\n`);
      process.stdout.write(`reached past validation: ${reached.length}/${operations.length}; caller repairs: ${world.repairs}\n`);
    }
    if (failures.length) {
      const shown = failures.slice(0, 10).map((failure) => `${failure.problem}: ${failure.request}\n  → ${failure.status} ${failure.response}`);
      throw new Error(`${failures.length} bad responses (replay with FUZZ_SEED=${SEED} FUZZ_REQUESTS=${REQUESTS}):\n\n${shown.join('\n\n')}`);
    }
    expect(ready.statusCode).toBe(200);
    expect([...statuses.keys()].sort()).toEqual(operations.map((op) => op.key).sort());
    // Most requests would be wasted if nothing got past authentication and validation.
    expect(reached.length).toBeGreaterThanOrEqual(Math.floor(operations.length / 2));
  }, 600_000);
});
