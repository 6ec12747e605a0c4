import { buildAppConfig } from './app-config';
import { InvalidEnvironmentError, parseEnv } from './env.schema';

const SECRET = 'x'.repeat(32);

function failureOf(env: Record<string, string>): string {
  try {
    parseEnv(env);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.message;
    throw error;
  }
  throw new Error('expected the environment to be rejected');
}

describe('parseEnv', () => {
  it('starts with no environment at all, using embedded-mode defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', LOG_LEVEL: 'info', TZ: 'Asia/Shanghai', DATA_DIR: '.data' });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('treats empty variables as unset', () => {
    expect(parseEnv({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
  });

  it('names the variable, the problem and the value in one line', () => {
    expect(failureOf({ PORT: 'abc' })).toBe('Invalid environment: PORT must be an integer 1-65535, got "abc"');
    expect(failureOf({ PORT: '70000' })).toBe('Invalid environment: PORT must be an integer 1-65535, got "70000"');
  });

  it('rejects an unknown log level', () => {
    expect(failureOf({ LOG_LEVEL: 'loud' })).toMatch(/^Invalid environment: LOG_LEVEL must be one of/);
  });

  it('rejects a DATABASE_URL that is not a postgres URL', () => {
    expect(failureOf({ DATABASE_URL: 'mysql://x', JWT_SECRET: SECRET, PII_SECRET: SECRET })).toMatch(/^Invalid environment: DATABASE_URL must be a postgres/);
  });

  it('requires JWT_SECRET and PII_SECRET with DATABASE_URL', () => {
    const url = 'postgres://postgres@127.0.0.1:5432/test';
    expect(failureOf({ DATABASE_URL: url, PII_SECRET: SECRET })).toMatch(/^Invalid environment: JWT_SECRET is required when DATABASE_URL is set/);
    expect(failureOf({ DATABASE_URL: url, JWT_SECRET: SECRET })).toMatch(/^Invalid environment: PII_SECRET is required when DATABASE_URL is set/);
  });

  it('never prints a secret it rejects', () => {
    const message = failureOf({ JWT_SECRET: 'short-secret' });
    expect(message).toMatch(/^Invalid environment: JWT_SECRET must be at least 32 characters/);
    expect(message).not.toContain('short-secret');
  });

  it('requires ADMIN_USERNAME and ADMIN_PASSWORD together', () => {
    expect(failureOf({ ADMIN_USERNAME: 'admin' })).toMatch(/^Invalid environment: ADMIN_PASSWORD must be set together/);
  });

  it('insists on Asia/Shanghai for legal dates', () => {
    expect(failureOf({ TZ: 'Mars/Olympus' })).toMatch(/TZ must be an IANA time zone/);
    expect(failureOf({ TZ: 'Europe/Paris' })).toMatch(/TZ must be Asia\/Shanghai/);
  });

  it('parses DEMO_SEED as a boolean and rejects anything else', () => {
    expect(parseEnv({ DEMO_SEED: 'false' }).DEMO_SEED).toBe(false);
    expect(failureOf({ DEMO_SEED: 'maybe' })).toMatch(/^Invalid environment: DEMO_SEED must be true or false/);
  });
});

describe('buildAppConfig', () => {
  it('seeds demo data by default only in embedded mode', () => {
    const runtime = { databaseUrl: 'postgres://x', jwtSecret: SECRET, piiSecret: SECRET };
    expect(buildAppConfig(parseEnv({}), { ...runtime, embedded: true }).demoSeed).toBe(true);
    expect(buildAppConfig(parseEnv({}), { ...runtime, embedded: false }).demoSeed).toBe(false);
    expect(buildAppConfig(parseEnv({ DEMO_SEED: 'true' }), { ...runtime, embedded: false }).demoSeed).toBe(true);
  });
});
