// Prints how long emptying a 10,000-key prefix and bulk-deleting 10,000 named keys take on the
// embedded store (the figures behind `?dir-delete` and Swift bulk delete). Asserts only the counts:
// tests never assert timings. The keys are inserted directly (one INSERT ... SELECT), each with a
// blob id of its own, so the fill costs well under a second.
import type { BucketRecord } from '@gw/metadata';
import { newAccount, openStorageFixture, StorageFixture, usageOf } from '../testing';

const KEYS = 10_000;

describe('prefix and bulk delete timing (printed, not asserted)', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());

  let seq = 0;
  const bucketWithKeys = async (count: number): Promise<BucketRecord> => {
    const bucket = await f.storage.buckets.create({ accountId: await newAccount(f.storage), name: `timing-${++seq}` });
    await f.t.db.knex.raw(
      `INSERT INTO objects (bucket_id, key, version_id, is_latest, size, etag, blob_id)
       SELECT ?, 'dir/' || lpad(n::text, 6, '0'), 'null', true, 10, 'etag', 'timing-' || ? || '-' || n FROM generate_series(1, ?) AS n`,
      [bucket.id, seq, count],
    );
    await f.t.db.knex('buckets').where({ id: bucket.id }).update({ object_count: count, bytes_used: count * 10 });
    return bucket;
  };
  const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const started = process.hrtime.bigint();
    const result = await work();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(`${label}: ${ms.toFixed(0)} ms (${((KEYS / ms) * 1000).toFixed(0)} keys/s)\n`);
    return result;
  };

  it(`empties a prefix of ${KEYS} keys`, async () => {
    const bucket = await bucketWithKeys(KEYS);
    const result = await timed(`deletePrefix, ${KEYS} keys`, () => f.storage.objects.deletePrefix(bucket, 'dir/'));
    expect(result).toEqual({ deleted: KEYS, failed: [] });
    expect(await usageOf(f.storage, bucket)).toEqual({ objectCount: 0, bytesUsed: 0 });
  }, 600_000);

  it(`deletes ${KEYS} named keys a thousand at a time`, async () => {
    const bucket = await bucketWithKeys(KEYS);
    const keys = Array.from({ length: KEYS }, (_, i) => `dir/${String(i + 1).padStart(6, '0')}`);
    const existed = await timed(`deleteMany, ${KEYS} keys in batches of 1000`, async () => {
      let n = 0;
      for (let i = 0; i < keys.length; i += 1000) {
        for (const r of await f.storage.objects.deleteMany(bucket, keys.slice(i, i + 1000))) if ('existed' in r && r.existed) n++;
      }
      return n;
    });
    expect(existed).toBe(KEYS);
    expect(await usageOf(f.storage, bucket)).toEqual({ objectCount: 0, bytesUsed: 0 });
  }, 600_000);
});
