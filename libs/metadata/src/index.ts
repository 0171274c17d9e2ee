export { openDatabase } from './database';
export type { Database, DatabaseOptions } from './database';
export { acquireDataDirLock, DataDirLockedError } from './data-dir-lock';
export type { DataDirLock } from './data-dir-lock';
export { migrateLatest, MIGRATIONS_DIR } from './migrations';
export { withTransaction } from './transaction';
export type { Queryable } from './transaction';
export { isUniqueViolation } from './rows';
export * from './repositories';
