// Grows the listing bucket beyond what PUTs fill within the benchmark's time budget: the embedded
// store takes about 150-200 small PUTs a second on a 2-core machine (the gateway's CPU goes to
// PGlite), so 100,000 keys would take some nine minutes. With the gateway stopped (PGlite allows
// one process per data dir), one INSERT ... SELECT per batch copies the row of a key the API wrote
// under the new keys, and the bucket's counters follow. The copies share the seed's blob, as
// CopyObject's rows do. Every column but the identity and the key is copied, so the rows are what a
// PUT writes whatever columns later migrations add. BENCH_LIST_FILL=api puts every key instead.
import { loadConfig } from '@gw/config';
import { openDatabase, withTransaction } from '@gw/metadata';

const BATCH = 10_000;

export async function insertKeysDirectly(env: NodeJS.ProcessEnv, bucket: string, seedKey: string, keys: readonly string[]): Promise<void> {
  const config = loadConfig(env);
  const db = await openDatabase({ ...config.database, migrate: false });
  try {
    await withTransaction(db.knex, async (trx) => {
      const seed = await trx('objects')
        .join('buckets', 'buckets.id', 'objects.bucket_id')
        .where({ 'buckets.name': bucket, 'objects.key': seedKey, 'objects.is_latest': true })
        .first('objects.id', 'objects.bucket_id', 'objects.size');
      if (!seed) throw new Error(`direct insert: no object ${bucket}/${seedKey} to copy`);
      const columns = (
        await trx('information_schema.columns').where({ table_name: 'objects' }).whereRaw('table_schema = current_schema()').select('column_name')
      ).map((row: { column_name: string }) => row.column_name).filter((name: string) => name !== 'id');
      const list = columns.map((name: string) => `"${name}"`).join(', ');
      const values = columns.map((name: string) => (name === 'key' ? 'k.key' : `s."${name}"`)).join(', ');
      for (let i = 0; i < keys.length; i += BATCH) {
        const batch = keys.slice(i, i + BATCH);
        await trx.raw(`INSERT INTO objects (${list}) SELECT ${values} FROM objects s, unnest(?::text[]) AS k(key) WHERE s.id = ?`, [batch, seed.id]);
      }
      await trx('buckets').where({ id: seed.bucket_id }).update({
        object_count: trx.raw('object_count + ?', [keys.length]),
        bytes_used: trx.raw('bytes_used + ?', [keys.length * Number(seed.size)]),
      });
    });
  } finally {
    await db.close();
  }
}
