import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BucketRecord, repositories } from '@gw/metadata';
import { bodyOf, newAccount, openStorageFixture, StorageFixture, StorageScope } from '../testing';

const HOUR = 3_600_000;

describe('GarbageCollector', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());

  let s: StorageScope;
  let bucket: BucketRecord;
  let seq = 0;
  beforeEach(async () => {
    // Drain what earlier tests queued (their blobs live in other stores), then start afresh.
    await f.storage.gc.drain();
    s = await f.scope();
    bucket = await s.storage.buckets.create({ accountId: await newAccount(s.storage), name: `gc-${++seq}` });
  });

  const queue = async () => (await f.t.db.knex('blob_gc').pluck('blob_id')) as string[];
  const blobPath = (id: string) => join(s.blobRoot, 'data', id.slice(0, 2), id.slice(2, 4), id);
  const backdate = async (path: string, ms: number) => {
    const when = new Date(Date.now() - ms);
    await utimes(path, when, when);
  };

  describe('drain', () => {
    it('unlinks queued blobs nothing references and empties the queue', async () => {
      const first = await s.storage.objects.put({ bucket, key: 'k', body: bodyOf('one') });
      await s.storage.objects.delete(bucket, 'k');
      expect(await queue()).toEqual([first.blobId]);
      expect(await s.blobFiles()).toEqual([first.blobId]);

      expect(await s.storage.gc.drain()).toBe(1);
      expect(await s.blobFiles()).toEqual([]);
      expect(await queue()).toEqual([]);
      expect(await s.storage.gc.drain()).toBe(0);
    });

    it('skips a queued blob that a row references again, and forgets it', async () => {
      const released = await s.storage.objects.put({ bucket, key: 'k', body: bodyOf('shared bytes') });
      const gone = await s.storage.objects.put({ bucket, key: 'other', body: bodyOf('gone') });
      await s.storage.objects.put({ bucket, key: 'k', body: bodyOf('replacement') }); // queues released.blobId
      await s.storage.objects.delete(bucket, 'other'); // queues gone.blobId
      expect((await queue()).sort()).toEqual([released.blobId, gone.blobId].sort());

      // Meanwhile a new row takes a reference to the released blob (as a copy sharing it would).
      await repositories(f.t.db.knex).objects.insertLatest({
        bucketId: bucket.id, key: 'copy', versionId: 'null', isDeleteMarker: false, size: released.size,
        etag: released.etag, userMeta: {}, headers: {}, checksums: {}, tags: {}, blobId: released.blobId,
      });

      expect(await s.storage.gc.drain()).toBe(1);
      const files = await s.blobFiles();
      expect(files).toContain(released.blobId);
      expect(files).not.toContain(gone.blobId);
      expect(await queue()).toEqual([]);
    });

    it('drains a queue longer than one batch', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push((await s.storage.objects.put({ bucket, key: `k${i}`, body: bodyOf(`v${i}`) })).blobId!);
      }
      await s.storage.objects.deleteMany(bucket, ['k0', 'k1', 'k2', 'k3', 'k4']);
      expect(await s.blobFiles()).toHaveLength(5);
      expect(await s.storage.gc.drain(2)).toBe(5);
      expect(await s.blobFiles()).toEqual([]);
      expect(await queue()).toEqual([]);
    });
  });

  describe('sweep', () => {
    it('removes orphan blobs older than the grace period, keeping referenced and young ones', async () => {
      const referenced = await s.storage.objects.put({ bucket, key: 'kept', body: bodyOf('referenced') });
      const orphan = await s.blobs.write(bodyOf('written, never committed'));
      const young = await s.blobs.write(bodyOf('still within the grace period'));
      await backdate(blobPath(referenced.blobId!), 2 * HOUR);
      await backdate(blobPath(orphan.id), 2 * HOUR);

      expect(await s.storage.gc.sweep(HOUR)).toEqual({ orphans: 1, temporary: 0 });
      expect(await s.blobFiles()).toEqual([referenced.blobId!, young.id].sort());
      expect((await s.storage.objects.get({ bucket, key: 'kept' })).object.blobId).toBe(referenced.blobId);

      // Once it is old enough, the young orphan goes too; the referenced blob never does.
      expect(await s.storage.gc.sweep(HOUR, new Date(Date.now() + 2 * HOUR))).toEqual({ orphans: 1, temporary: 0 });
      expect(await s.blobFiles()).toEqual([referenced.blobId]);
    });

    it('purges temporary files older than the grace period', async () => {
      const tmp = join(s.blobRoot, 'tmp');
      await writeFile(join(tmp, 'a'.repeat(32)), 'crashed mid-write');
      await backdate(join(tmp, 'a'.repeat(32)), 3 * HOUR);
      await writeFile(join(tmp, 'b'.repeat(32)), 'being written right now');

      expect(await s.storage.gc.sweep(HOUR)).toEqual({ orphans: 0, temporary: 1 });
      expect(await s.tmpFiles()).toEqual(['b'.repeat(32)]);
    });
  });
});
