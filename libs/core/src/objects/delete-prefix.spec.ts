import type { BucketRecord } from '@gw/metadata';
import type { VersioningStatus } from '../buckets/bucket-versioning';
import { parseSloManifest } from '../large-objects/slo-manifest';
import { MIN_PART_SIZE } from '../multipart/part-number';
import { bodyOf, newAccount, openStorageFixture, readAll, StorageFixture, StorageScope, usageOf } from '../testing';

// Deleting many keys: `deletePrefix` (?dir-delete) and `deleteMany` (bulk delete, DeleteObjects).
// Unversioned buckets take the set-based path (delete-unversioned.ts); these check that it does
// what a delete per key did: counts, usage counters, the collector's queue, shared blobs kept,
// and that versioned and suspended buckets still get delete markers.
describe('deleting many keys', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());

  let s: StorageScope;
  let bucket: BucketRecord;
  let seq = 0;
  beforeEach(async () => {
    await f.storage.gc.drain(); // blobs earlier tests queued live in other stores
    s = await f.scope();
    bucket = await s.storage.buckets.create({ accountId: await newAccount(s.storage), name: `many-${++seq}` });
  });

  const put = (key: string, data: string | Buffer, extra: { deleteAt?: Date } = {}) => s.storage.objects.put({ bucket, key, body: bodyOf(data), ...extra });
  const read = async (key: string) => (await readAll((await s.storage.objects.get({ bucket, key })).body)).toString();
  const keys = async () => (await f.t.db.knex('objects').where({ bucket_id: bucket.id }).orderBy('key').pluck('key')) as string[];
  const queue = async () => ((await f.t.db.knex('blob_gc').pluck('blob_id')) as string[]).sort();
  const usage = () => usageOf(s.storage, bucket);
  const setVersioning = async (status: VersioningStatus) => (bucket = await s.storage.buckets.setVersioning(bucket, status));
  const versionRows = async () =>
    (await f.t.db.knex('objects').where({ bucket_id: bucket.id }).orderBy(['key', 'id']).select('key', 'is_delete_marker')).map(
      (r: { key: string; is_delete_marker: boolean }) => `${r.key}${r.is_delete_marker ? ' (marker)' : ''}`,
    );

  describe('deletePrefix in an unversioned bucket', () => {
    it('deletes every key under the prefix across batches, folder marker included, and nothing else', async () => {
      const blobIds: string[] = [];
      for (const key of ['dir/', 'dir/a', 'dir/b/c', 'dir/d', 'dir/e', 'dir0', 'di', 'other/x']) {
        const written = await put(key, key === 'dir/' ? '' : `data of ${key}`);
        if (key.startsWith('dir/') && written.blobId) blobIds.push(written.blobId);
      }
      const before = await usage();
      const progress: number[] = [];

      const result = await s.storage.objects.deletePrefix(bucket, 'dir/', { batchSize: 2, onProgress: (r) => progress.push(r.deleted) });

      expect(result).toEqual({ deleted: 5, failed: [] });
      expect(progress).toEqual([2, 4, 5]);
      expect(await keys()).toEqual(['di', 'dir0', 'other/x']);
      const removedBytes = ['dir/a', 'dir/b/c', 'dir/d', 'dir/e'].reduce((n, k) => n + `data of ${k}`.length, 0);
      expect(await usage()).toEqual({ objectCount: before.objectCount - 5, bytesUsed: before.bytesUsed - removedBytes });
      expect(await queue()).toEqual(blobIds.sort());

      expect(await s.storage.gc.drain()).toBe(blobIds.length);
      expect((await s.blobFiles()).length).toBe(3);
      expect(await read('other/x')).toBe('data of other/x');
    });

    it('empties the whole bucket with the empty prefix, and reports nothing on an empty one', async () => {
      for (let i = 0; i < 7; i++) await put(`k${i}`, 'x');
      expect(await s.storage.objects.deletePrefix(bucket, '', { batchSize: 3 })).toEqual({ deleted: 7, failed: [] });
      expect(await keys()).toEqual([]);
      expect(await usage()).toEqual({ objectCount: 0, bytesUsed: 0 });
      expect(await s.storage.objects.deletePrefix(bucket, '')).toEqual({ deleted: 0, failed: [] });
      await expect(s.storage.buckets.delete(bucket.accountId, bucket.name)).resolves.not.toThrow();
    });

    it('removes expired rows too without counting them as deleted', async () => {
      await put('dir/gone', '12345', { deleteAt: new Date(Date.now() - 1000) });
      await put('dir/live', '123');
      expect(await s.storage.objects.deletePrefix(bucket, 'dir/')).toEqual({ deleted: 1, failed: [] });
      expect(await keys()).toEqual([]);
      expect(await usage()).toEqual({ objectCount: 0, bytesUsed: 0 });
    });

    it('queues the part blobs of a multipart object', async () => {
      const upload = await s.storage.multipart.create({ bucket, key: 'dir/mp' });
      const parts = [
        await s.storage.multipart.uploadPart({ bucket, key: 'dir/mp', uploadId: upload.uploadId, partNumber: 1, body: bodyOf(Buffer.alloc(MIN_PART_SIZE, 1)) }),
        await s.storage.multipart.uploadPart({ bucket, key: 'dir/mp', uploadId: upload.uploadId, partNumber: 2, body: bodyOf('tail') }),
      ];
      await s.storage.multipart.complete({ bucket, key: 'dir/mp', uploadId: upload.uploadId, parts: parts.map((p) => ({ partNumber: p.partNumber, etag: p.etag })) });
      const partBlobs = await s.blobFiles();
      expect(partBlobs).toHaveLength(2);

      expect(await s.storage.objects.deletePrefix(bucket, 'dir/')).toEqual({ deleted: 1, failed: [] });
      expect(await queue()).toEqual(partBlobs);
      // Postgres answers count() as a string, PGlite as a number.
      expect(Number((await f.t.db.knex('object_parts').whereIn('blob_id', partBlobs).count({ n: '*' }).first())?.n)).toBe(0);
      expect(await usage()).toEqual({ objectCount: 0, bytesUsed: 0 });
      expect(await s.storage.gc.drain()).toBe(2);
      expect(await s.blobFiles()).toEqual([]);
    });

    it('keeps the blobs a copy and an SLO manifest outside the prefix share with deleted objects', async () => {
      const a = await put('seg/1', 'hello ');
      const b = await put('seg/2', 'world');
      const copy = await s.storage.objects.copy({ source: { bucket, key: 'seg/1' }, bucket, key: 'keep/copy' });
      expect(copy.object.blobId).toBe(a.blobId); // a copy shares the source's blob
      const manifest = parseSloManifest(JSON.stringify([{ path: `${bucket.name}/seg/1` }, { path: `${bucket.name}/seg/2` }]), { container: bucket.name, object: 'keep/slo' });
      const slo = await s.storage.largeObjects.putSlo({ bucket, key: 'keep/slo', segments: manifest, mayRead: () => true });
      if (!slo.ok) throw new Error(JSON.stringify(slo.errors));

      expect(await s.storage.objects.deletePrefix(bucket, 'seg/')).toEqual({ deleted: 2, failed: [] });
      expect(await queue()).toEqual([a.blobId!, b.blobId!].sort());
      await s.storage.gc.drain();

      expect(await read('keep/slo')).toBe('hello world');
      expect(await read('keep/copy')).toBe('hello ');
      expect(await s.blobFiles()).toEqual([a.blobId!, b.blobId!].sort());
      // Deleting the sharers too releases the blobs at last.
      expect(await s.storage.objects.deletePrefix(bucket, 'keep/')).toEqual({ deleted: 2, failed: [] });
      await s.storage.gc.drain();
      expect(await s.blobFiles()).toEqual([]);
    });
  });

  describe('deletePrefix in versioned and suspended buckets', () => {
    it.each<VersioningStatus>(['Enabled', 'Suspended'])('puts a delete marker over each live key (%s)', async (status) => {
      await put('dir/a', 'a1');
      await put('dir/b', 'b1');
      await put('keep', 'k');
      await setVersioning(status);
      if (status === 'Enabled') await put('dir/a', 'a2');

      const result = await s.storage.objects.deletePrefix(bucket, 'dir/', { batchSize: 1 });

      expect(result).toEqual({ deleted: 2, failed: [] });
      const expected = status === 'Enabled' ? ['dir/a', 'dir/a', 'dir/a (marker)', 'dir/b', 'dir/b (marker)', 'keep'] : ['dir/a (marker)', 'dir/b (marker)', 'keep'];
      expect(await versionRows()).toEqual(expected);
      expect((await s.storage.objects.list({ bucket, maxKeys: 10 })).objects.map((o) => o.key)).toEqual(['keep']);
    });
  });

  describe('deleteMany in an unversioned bucket', () => {
    it('reports each target in order: deleted, not found, invalid, a key named twice deleted once', async () => {
      const a = await put('a', '1234');
      await put('b', '12');
      await put('c', '1');
      const results = await s.storage.objects.deleteMany(bucket, ['b', 'nope', 'a\u0000b', 'a', 'b', { key: 'c' }]);
      expect(results).toEqual([
        { key: 'b', existed: true, deleteMarker: false },
        { key: 'nope', existed: false, deleteMarker: false },
        { key: 'a\u0000b', error: expect.objectContaining({ code: expect.any(String) }) },
        { key: 'a', existed: true, deleteMarker: false },
        { key: 'b', existed: false, deleteMarker: false },
        { key: 'c', existed: true, deleteMarker: false },
      ]);
      expect(await keys()).toEqual([]);
      expect(await usage()).toEqual({ objectCount: 0, bytesUsed: 0 });
      expect(await queue()).toContain(a.blobId);
      expect(await queue()).toHaveLength(3);
    });

    it('takes the per-key path when a target names a version', async () => {
      await put('a', '1');
      await put('b', '2');
      const results = await s.storage.objects.deleteMany(bucket, [{ key: 'a', versionId: 'null' }, 'b']);
      expect(results).toEqual([
        { key: 'a', requestedVersionId: 'null', existed: true, deleteMarker: false, versionId: 'null' },
        { key: 'b', existed: true, deleteMarker: false },
      ]);
      expect(await usage()).toEqual({ objectCount: 0, bytesUsed: 0 });
    });
  });
});
