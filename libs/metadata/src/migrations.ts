import path from 'node:path';
import type { Knex } from 'knex';

/** `migrations/` at the repository root is the only source of the schema. */
export const MIGRATIONS_DIR = path.resolve(__dirname, '../../../migrations');

export async function migrateLatest(knex: Knex): Promise<string[]> {
  const [, applied] = await knex.migrate.latest({ directory: MIGRATIONS_DIR, loadExtensions: ['.js'] });
  return applied as string[];
}
