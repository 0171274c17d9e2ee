import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { openDatabase, Database } from '../database';
import { templateLocation } from './template';

export interface TestDatabase {
  db: Database;
  /** A temp dir the test may use for blobs and keys; removed by cleanup. */
  dir: string;
  cleanup(): Promise<void>;
}

/**
 * A migrated database of the test's own: a copy of the PGlite template that jest's global
 * setup prepared (`test-setup/global-setup.js`), or, when DATABASE_URL names a Postgres
 * server, a new database cloned from the migrated template database there.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-test-'));
  const template = templateLocation();
  let db: Database;
  let dropDatabase = async () => {};
  if (template.kind === 'postgres') {
    const name = `gw_test_${process.pid}_${Math.random().toString(16).slice(2, 10)}`;
    const admin = knexFactory({ client: 'pg', connection: template.serverUrl, pool: { min: 0, max: 1 } });
    await admin.raw(`CREATE DATABASE ${name} TEMPLATE ${template.databaseName}`);
    db = await openDatabase({ url: withDatabase(template.serverUrl, name), embeddedDir: '', poolMax: 5, migrate: false });
    dropDatabase = async () => {
      await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
    };
  } else {
    cpSync(template.dir, path.join(dir, 'meta'), { recursive: true });
    db = await openDatabase({ embeddedDir: path.join(dir, 'meta'), poolMax: 1, migrate: false });
  }
  return {
    db,
    dir,
    async cleanup() {
      await db.close();
      await dropDatabase();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
