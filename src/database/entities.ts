/** Every TypeORM entity, listed once for the DataSource (the app, the migration CLI and the tests). */
export const ENTITIES: Function[] = [];
