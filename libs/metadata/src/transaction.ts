import type { Knex } from 'knex';

/** Anything a repository can run queries on: the database or an open transaction. */
export type Queryable = Knex | Knex.Transaction;

/**
 * Runs `work` in one transaction and passes the transaction down. The embedded store has a
 * single connection, so a query on the outer knex inside `work` would wait forever: always use
 * the argument.
 */
export function withTransaction<T>(knex: Knex, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return knex.transaction(work);
}
