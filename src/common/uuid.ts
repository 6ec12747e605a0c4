const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checked before a path id reaches a `uuid` column, where PostgreSQL would refuse it with an error instead of no row. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}
