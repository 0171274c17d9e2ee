import { repositories } from '@gw/metadata';
import { deleteExpiredKeys } from './delete-object';
import { bodyOf, errorCodeOf, newAccount, openStorageFixture, readAll, StorageFixture, usageOf } from '../testing';

// Swift X-Delete-At in the core: expired objects are gone for readers at once and the worker's
// batch removes them through the ordinary delete.
describe('object expiration', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());

  const past = () => new Date(Date.now() - 1000);
  const future = () => new Date(Date.now() + 3_600_000);

  it('hides an expired object from reads, copies and listings before the worker runs', async () => {
    const bucket = await f.storage.buckets.create({ accountId: await newAccount(f.storage), name: 'expiring' });
    await f.storage.objects.put({ bucket, key: 'old', body: bodyOf('bye'), deleteAt: past() });
    const kept = await f.storage.objects.put({ bucket, key: 'later', body: bodyOf('hi'), deleteAt: future() });
    expect(kept.deleteAt?.getTime()).toBeGreaterThan(Date.now());

    expect(await errorCodeOf(f.storage.objects.head({ bucket, key: 'old' }))).toBe('NoSuchKey');
    expect(await errorCodeOf(f.storage.objects.get({ bucket, key: 'old' }))).toBe('NoSuchKey');
    expect(await errorCodeOf(f.storage.objects.copy({ source: { bucket, key: 'old' }, bucket, key: 'copy' }))).toBe('NoSuchKey');
    const listed = await f.storage.objects.list({ bucket, maxKeys: 10 });
    expect(listed.objects.map((o) => o.key)).toEqual(['later']);
    expect((await f.storage.objects.head({ bucket, key: 'later' })).object.deleteAt).toEqual(kept.deleteAt);
  });

  it('deletes expired objects in batches through the core delete: counters, blobs, versioning', async () => {
    const bucket = await f.storage.buckets.create({ accountId: await newAccount(f.storage), name: 'expiry-batch' });
    const blobIds: string[] = [];
    for (let i = 0; i < 5; i++) blobIds.push((await f.storage.objects.put({ bucket, key: `k${i}`, body: bodyOf('12345'), deleteAt: past() })).blobId!);
    await f.storage.objects.put({ bucket, key: 'stays', body: bodyOf('1'), deleteAt: future() });
    expect(await usageOf(f.storage, bucket)).toEqual({ objectCount: 6, bytesUsed: 26 });

    let total = 0;
    for (let round = 0; round < 10; round++) {
      const batch = await f.storage.objects.expire({ batchSize: 2 });
      expect(batch.found).toBeLessThanOrEqual(2);
      total += batch.deleted;
      if (batch.found === 0) break;
    }
    expect(total).toBeGreaterThanOrEqual(5);
    expect(await usageOf(f.storage, bucket)).toEqual({ objectCount: 1, bytesUsed: 1 });
    expect(await f.t.db.knex('objects').where({ bucket_id: bucket.id }).pluck('key')).toEqual(['stays']);
    await f.storage.gc.drain();
    const files = (await f.blobFiles()).join('\n');
    expect(blobIds.filter((id) => files.includes(id))).toEqual([]);

    const versioned = await f.storage.buckets.create({ accountId: await newAccount(f.storage), name: 'expiry-versioned' });
    await f.storage.buckets.setVersioning(versioned, 'Enabled');
    await f.storage.objects.put({ bucket: versioned, key: 'v', body: bodyOf('kept as history'), deleteAt: past() });
    await f.storage.objects.expire({ batchSize: 10 });
    const versions = await f.storage.objects.listVersions({ bucket: versioned, maxKeys: 10 });
    expect(versions.versions.map((v) => v.isDeleteMarker)).toEqual([true, false]);
    expect((await f.storage.objects.expire({ batchSize: 10 })).found).toBe(0); // the old version is no longer a candidate
  });

  it('keeps an object written again since it was found expired', async () => {
    const bucket = await f.storage.buckets.create({ accountId: await newAccount(f.storage), name: 'expiry-race' });
    await f.storage.objects.put({ bucket, key: 'k', body: bodyOf('old'), deleteAt: past() });
    // Overwritten between the batch query and the delete: the delete re-checks under the lock.

    const found = await repositories(f.t.db.knex).objects.listExpired(new Date(), 10);
    await f.storage.objects.put({ bucket, key: 'k', body: bodyOf('new') });
    expect(await deleteExpiredKeys(f.storage.ctx, bucket, found.map((o) => o.key), new Date())).toEqual([]);
    expect((await readAll((await f.storage.objects.get({ bucket, key: 'k' })).body)).toString()).toBe('new');
  });

  it('sets, keeps and clears X-Delete-At with a metadata update; a copy never inherits it', async () => {
    const bucket = await f.storage.buckets.create({ accountId: await newAccount(f.storage), name: 'expiry-meta' });
    await f.storage.objects.put({ bucket, key: 'k', body: bodyOf('x') });
    const when = future();
    expect((await f.storage.objects.updateMetadata({ bucket, key: 'k', userMeta: { a: '1' }, deleteAt: when })).deleteAt).toEqual(when);
    expect((await f.storage.objects.updateMetadata({ bucket, key: 'k', userMeta: { a: '2' } })).deleteAt).toEqual(when);
    const copy = await f.storage.objects.copy({ source: { bucket, key: 'k' }, bucket, key: 'copy' });
    expect(copy.object.deleteAt).toBeUndefined();
    const merged = await f.storage.objects.copy({
      source: { bucket, key: 'k' },
      bucket,
      key: 'merged',
      metadata: (source) => ({ contentType: source.contentType, userMeta: { ...source.userMeta, b: '3' }, headers: source.headers }),
      deleteAt: when,
    });
    expect(merged.object).toMatchObject({ userMeta: { a: '2', b: '3' }, deleteAt: when });
    expect((await f.storage.objects.updateMetadata({ bucket, key: 'k', userMeta: {}, deleteAt: null })).deleteAt).toBeUndefined();
  });
});
