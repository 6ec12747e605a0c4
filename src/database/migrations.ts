/** Every migration in order, listed once for the DataSource; a generated migration is added here by hand. */
export const MIGRATIONS: Function[] = [];
