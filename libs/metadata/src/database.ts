import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import knexFactory, { Knex } from 'knex';
import { acquireDataDirLock, DataDirLock } from './data-dir-lock';
import { startEmbeddedAnalyze } from './embedded-analyze';
import { migrateLatest } from './migrations';
import { EmbeddedPgliteClient } from './pglite-client';

export interface DatabaseOptions {
  /** postgres:// URL of a server; absent means the embedded PGlite store in `embeddedDir`. */
  url?: string;
  embeddedDir: string;
  poolMax: number;
  /** Run pending migrations on open (the embedded default does; servers use `npm run migrate`). */
  migrate?: boolean;
  /** How often the embedded store checks for tables to ANALYZE (see embedded-analyze.ts). */
  analyzeIntervalMs?: number;
}

export interface Database {
  readonly knex: Knex;
  readonly kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database = options.url ? openPostgres(options.url, options.poolMax) : openPglite(options.embeddedDir, options.analyzeIntervalMs);
  try {
    if (options.migrate ?? database.kind === 'pglite') await migrateLatest(database.knex);
    else await database.knex.raw('select 1');
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

function openPostgres(url: string, poolMax: number): Database {
  const knex = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: poolMax } });
  return { knex, kind: 'postgres', close: () => knex.destroy() };
}

function openPglite(dir: string, analyzeIntervalMs?: number): Database {
  const lock: DataDirLock = acquireDataDirLock(`${dir}.lock`);
  try {
    mkdirSync(dir, { recursive: true });
    // PGlite's default shared_buffers (~160 MB) is sized for a server; an embedded store of
    // metadata rows does as well with 16 MB and the process stays ~140 MiB smaller.
    const pglite = new PGlite(dir, { postgresqlconf: ['shared_buffers = 16MB'] });
    const knex = knexFactory({ client: EmbeddedPgliteClient as never, connection: { pglite } as never });
    const analyze = startEmbeddedAnalyze(knex, analyzeIntervalMs);
    return {
      knex,
      kind: 'pglite',
      async close() {
        try {
          await analyze.stop();
          await knex.destroy();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
