/**
 * The TypeORM CLI loads data-source.ts on its own; it gets its URL here so that config/ stays the only reader of
 * process.env. `npm run migration:*` always sets DATABASE_URL (to the embedded server when none was given).
 */
export function readCliDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}
