import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

function isIanaTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Every environment variable the service reads. Empty strings count as unset so that `FOO= npm start`
 * behaves like leaving FOO out.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce
      .number({ error: 'must be an integer 1-65535' })
      .int('must be an integer 1-65535')
      .min(1, 'must be an integer 1-65535')
      .max(65535, 'must be an integer 1-65535')
      .default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    PII_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_EXPIRES_IN_SECONDS: z.coerce
      .number({ error: 'must be an integer number of seconds' })
      .int('must be an integer number of seconds')
      .min(60, 'must be at least 60 seconds')
      .max(86400, 'must be at most 86400 seconds')
      .default(28800),
    ADMIN_USERNAME: z.string().regex(/^[a-z][a-z0-9_.-]{2,31}$/, 'must be 3-32 characters of a-z, 0-9, _ . - starting with a letter').optional(),
    ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').max(256, 'must be at most 256 characters').optional(),
    DEMO_SEED: booleanFlag.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    }).default('info'),
    TZ: z
      .string()
      .refine(isIanaTimeZone, 'must be an IANA time zone such as Asia/Shanghai')
      .refine((zone) => zone === 'Asia/Shanghai', 'must be Asia/Shanghai: legal dates follow the PRC calendar')
      .default('Asia/Shanghai'),
    RUN_WORKERS: booleanFlag.default(true),
    NOTIFICATION_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
    ALERT_ESCALATION_MINUTES: z.coerce.number({ error: 'must be an integer 1-10080' }).int('must be an integer 1-10080').min(1, 'must be an integer 1-10080').max(10080, 'must be an integer 1-10080').default(120),
    DB_POOL_SIZE: z.coerce.number({ error: 'must be an integer 1-200' }).int('must be an integer 1-200').min(1, 'must be an integer 1-200').max(200, 'must be an integer 1-200').default(20),
  })
  .superRefine((env, ctx) => {
    if ((env.ADMIN_USERNAME === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      const missing = env.ADMIN_USERNAME === undefined ? 'ADMIN_USERNAME' : 'ADMIN_PASSWORD';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'must be set together with the other of ADMIN_USERNAME/ADMIN_PASSWORD' });
    }
    for (const secret of ['JWT_SECRET', 'PII_SECRET'] as const) {
      if (env.DATABASE_URL !== undefined && env[secret] === undefined) {
        ctx.addIssue({ code: 'custom', path: [secret], message: 'is required when DATABASE_URL is set (at least 32 characters)' });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvironmentError extends Error {}

/** Parses the environment; the first problem becomes one line naming the variable, what is wrong and what was given. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue.path[0] ?? 'environment');
  const given = cleaned[name];
  const secret = /SECRET|PASSWORD/.test(name);
  const shown = given === undefined ? '' : secret ? ', got a value that is not shown' : `, got "${given}"`;
  throw new InvalidEnvironmentError(`Invalid environment: ${name} ${issue.message}${shown}`);
}
