import { Env } from './env.schema';

/** The typed configuration every module receives by injection; built once at boot from the environment. */
export interface AppConfig {
  readonly nodeEnv: Env['NODE_ENV'];
  readonly host: string;
  readonly port: number;
  readonly databaseUrl: string;
  /** The restricted role the pool switches to, when the database has it (see CreateAuditTrail). */
  readonly databaseRole?: string;
  readonly dbPoolSize: number;
  /** false: an API-only instance that queues jobs but never works them. */
  readonly runWorkers: boolean;
  readonly alertEscalationMinutes: number;
  /** Where notifications are POSTed for an SMS or e-mail gateway; none: in-app only. */
  readonly notificationWebhookUrl?: string;
  readonly embedded: boolean;
  readonly dataDir: string;
  readonly jwt: { readonly secret: string; readonly expiresInSeconds: number; readonly issuer: string; readonly audience: string };
  /** Encrypts ID numbers, phones and bank accounts at rest and keys their blind index; losing it loses that data. */
  readonly piiSecret: string;
  readonly admin?: { readonly username: string; readonly password: string };
  readonly demoSeed: boolean;
  readonly logLevel: Env['LOG_LEVEL'];
  readonly legalTimeZone: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export const JWT_ISSUER = 'tiaojie';
export const JWT_AUDIENCE = 'tiaojie-api';

export function buildAppConfig(env: Env, runtime: { databaseUrl: string; databaseRole?: string; embedded: boolean; jwtSecret: string; piiSecret: string }): AppConfig {
  return {
    nodeEnv: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    databaseUrl: runtime.databaseUrl,
    databaseRole: runtime.databaseRole,
    dbPoolSize: env.DB_POOL_SIZE,
    runWorkers: env.RUN_WORKERS,
    alertEscalationMinutes: env.ALERT_ESCALATION_MINUTES,
    notificationWebhookUrl: env.NOTIFICATION_WEBHOOK_URL,
    embedded: runtime.embedded,
    dataDir: env.DATA_DIR,
    piiSecret: runtime.piiSecret,
    jwt: { secret: runtime.jwtSecret, expiresInSeconds: env.JWT_EXPIRES_IN_SECONDS, issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
    admin: env.ADMIN_USERNAME && env.ADMIN_PASSWORD ? { username: env.ADMIN_USERNAME, password: env.ADMIN_PASSWORD } : undefined,
    // Demo cases belong on a developer's laptop, not on a real union's server unless somebody asks.
    demoSeed: env.DEMO_SEED ?? runtime.embedded,
    logLevel: env.LOG_LEVEL,
    legalTimeZone: env.TZ,
  };
}
