import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs SQL written with `:name` parameters (TypeORM's own expansion, so an array becomes a list and `:...ids` works),
 * on `manager` when the caller is inside a transaction.
 */
export async function namedQuery<T>(
  dataSource: DataSource,
  sql: string,
  params: Record<string, unknown>,
  manager: EntityManager = dataSource.manager,
): Promise<T[]> {
  const [text, values] = dataSource.driver.escapeQueryWithParameters(sql, params);
  return (await manager.query(text, values)) as T[];
}
