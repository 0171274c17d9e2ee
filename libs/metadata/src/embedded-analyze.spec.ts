import { cpSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Database } from './database';
import { analyzeGrownTables } from './embedded-analyze';
import { createTestDatabase, type TestDatabase } from './testing';
import { templateLocation } from './testing/template';

const ACCOUNT = 'a'.repeat(32);
/** The shape of a listing page's query (ObjectRepository.listLatest). */
const PAGE = 'SELECT * FROM objects WHERE bucket_id = ? AND is_latest AND NOT is_delete_marker ORDER BY key LIMIT 1001';

async function fillBucket(db: Database, keys: number): Promise<number> {
  await db.knex.raw(`INSERT INTO accounts (id, name, display_name) VALUES (?, 'analyze', 'analyze')`, [ACCOUNT]);
  const [{ id }] = (await db.knex.raw(`INSERT INTO buckets (account_id, name, region) VALUES (?, 'listed', 'r') RETURNING id`, [ACCOUNT])).rows;
  const names = Array.from({ length: keys }, (_, i) => `p${i % 100}/k${String(i).padStart(6, '0')}`);
  await db.knex.raw(`INSERT INTO objects (bucket_id, key, version_id, is_latest) SELECT ?, key, 'null', true FROM unnest(?::text[]) AS k(key)`, [id, names]);
  return Number(id);
}

const planOf = async (db: Database, bucketId: number) =>
  (await db.knex.raw(`EXPLAIN ${PAGE}`, [bucketId])).rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
const reltuples = async (db: Database) => Number((await db.knex.raw(`SELECT reltuples FROM pg_class WHERE relname = 'objects'`)).rows[0].reltuples);

describe('planner statistics of the embedded store (PGlite runs no autovacuum)', () => {
  let t: TestDatabase;
  beforeEach(async () => (t = await createTestDatabase()));
  afterEach(() => t.cleanup());

  it('analyzes a table that grew, so a listing page walks the key index instead of sorting the bucket', async () => {
    if (t.db.kind !== 'pglite') return; // a Postgres server has autovacuum
    const bucketId = await fillBucket(t.db, 20_000);
    expect(await analyzeGrownTables(t.db.knex)).toContain('objects');
    expect(await reltuples(t.db)).toBeGreaterThan(10_000);
    const plan = await planOf(t.db, bucketId);
    expect(plan).toMatch(/^Limit.*\n\s*->\s+Index Scan using objects_latest/);
    expect(plan).not.toMatch(/Sort/);
    expect(await analyzeGrownTables(t.db.knex)).toEqual([]); // nothing grew since
  });

  it('openDatabase runs the check periodically on the embedded store', async () => {
    const template = templateLocation();
    if (template.kind !== 'pglite') return;
    const dir = path.join(t.dir, 'second');
    cpSync(template.dir, dir, { recursive: true });
    const db = await openDatabase({ embeddedDir: dir, poolMax: 1, migrate: false, analyzeIntervalMs: 50 });
    try {
      await fillBucket(db, 5000);
      for (let waited = 0; waited < 5000 && (await reltuples(db)) < 5000; waited += 100) await new Promise((r) => setTimeout(r, 100));
      expect(await reltuples(db)).toBeGreaterThanOrEqual(5000);
    } finally {
      await db.close();
    }
  });
});
