import { BucketRecord, ObjectRecord } from '@gw/metadata';
import type { VersioningStatus } from '../buckets/bucket-versioning';
import { GatewayError } from '../errors';
import { bodyOf, newAccount, openStorageFixture, readAll, rejectionOf, StorageFixture, StorageScope } from '../testing';
import { DeleteMarkerError } from './delete-marker-error';
import { newVersionId } from './version-id';

// Every transition of S3 versioning (unversioned -> enabled <-> suspended) for writes, deletes
// with and without a version id, and reads, with the usage counters and the blob collector.

describe('object versioning', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());

  let s: StorageScope;
  let bucket: BucketRecord;
  let seq = 0;
  beforeEach(async () => {
    s = await f.scope(); // a blob store of the test's own: file counts below are exact
    const account = await newAccount(s.storage);
    bucket = await s.storage.buckets.create({ accountId: account, name: `versions-${++seq}` });
    await f.t.db.knex('blob_gc').delete(); // the queue is the file's database's: start each test empty
  });

  const setVersioning = async (status: VersioningStatus) => (bucket = await s.storage.buckets.setVersioning(bucket, status));
  const put = (key: string, body: string) => s.storage.objects.put({ bucket, key, body: bodyOf(body) });
  const text = async (key: string, versionId?: string) => (await readAll((await s.storage.objects.get({ bucket, key, versionId })).body)).toString();
  /** Every row of a key, newest first: [versionId, isLatest, isDeleteMarker, size]. */
  const versionsOf = async (key: string) =>
    (await f.t.db.knex('objects').where({ bucket_id: bucket.id, key }).orderBy('id', 'desc')).map((r) => [
      r.version_id,
      r.is_latest,
      r.is_delete_marker,
      Number(r.size),
    ]);
  const usage = async () => {
    const { objectCount, bytesUsed } = await s.storage.buckets.get(bucket.accountId, bucket.name);
    return { objectCount, bytesUsed };
  };
  /** The counters must always equal what the rows say: every stored version counts, markers do not. */
  const expectCountersMatchRows = async () => {
    const rows = await f.t.db.knex('objects').where({ bucket_id: bucket.id, is_delete_marker: false });
    expect(await usage()).toEqual({ objectCount: rows.length, bytesUsed: rows.reduce((sum, r) => sum + Number(r.size), 0) });
  };
  const queued = async () => (await f.t.db.knex('blob_gc').select('blob_id')).map((r) => r.blob_id as string);
  const failure = async (promise: Promise<unknown>) => {
    const error = await rejectionOf(promise);
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  };

  describe('writes', () => {
    it('an unversioned bucket keeps one null version per key', async () => {
      await put('k', 'one');
      await put('k', 'two!');
      expect(await versionsOf('k')).toEqual([['null', true, false, 4]]);
      expect(await usage()).toEqual({ objectCount: 1, bytesUsed: 4 });
    });

    it('an enabled bucket keeps every version, each with an id of its own, the newest latest', async () => {
      await setVersioning('Enabled');
      const v1 = await put('k', 'one');
      const v2 = await put('k', 'two!');
      expect(v1.versionId).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(v2.versionId).not.toBe(v1.versionId);
      expect(await versionsOf('k')).toEqual([
        [v2.versionId, true, false, 4],
        [v1.versionId, false, false, 3],
      ]);
      expect(await text('k')).toBe('two!');
      expect(await text('k', v1.versionId)).toBe('one');
      expect(await usage()).toEqual({ objectCount: 2, bytesUsed: 7 });
      expect(await queued()).toEqual([]); // nothing was released
    });

    it('enabling versioning keeps the null version written before as a noncurrent version', async () => {
      const old = await put('k', 'before');
      await setVersioning('Enabled');
      const v1 = await put('k', 'after');
      expect(await versionsOf('k')).toEqual([
        [v1.versionId, true, false, 5],
        ['null', false, false, 6],
      ]);
      expect(await text('k', 'null')).toBe('before');
      expect((await s.storage.objects.head({ bucket, key: 'k', versionId: 'null' })).object.id).toBe(old.id);
      await expectCountersMatchRows();
    });

    it('a suspended bucket replaces only the null version, whichever version is latest', async () => {
      const nullVersion = await put('k', 'null-1');
      await setVersioning('Enabled');
      const v1 = await put('k', 'v1');
      await setVersioning('Suspended');
      const replacing = await put('k', 'null-two');
      expect(replacing.versionId).toBe('null');
      expect(await versionsOf('k')).toEqual([
        ['null', true, false, 8],
        [v1.versionId, false, false, 2],
      ]);
      expect(await queued()).toEqual([nullVersion.blobId]);
      await put('k', 'null-3');
      expect(await versionsOf('k')).toEqual([
        ['null', true, false, 6],
        [v1.versionId, false, false, 2],
      ]);
      expect(await queued()).toEqual(expect.arrayContaining([nullVersion.blobId, replacing.blobId]));
      await expectCountersMatchRows();
      expect(await usage()).toEqual({ objectCount: 2, bytesUsed: 8 });
    });

    it('re-enabling after suspension keeps the null version and adds new ids', async () => {
      await setVersioning('Suspended');
      await put('k', 'null');
      await setVersioning('Enabled');
      const v = await put('k', 'v');
      expect(await versionsOf('k')).toEqual([
        [v.versionId, true, false, 1],
        ['null', false, false, 4],
      ]);
      expect(bucket.versioning).toBe('Enabled');
    });
  });

  describe('deletes without a version id', () => {
    it('an unversioned bucket removes the row and queues its blob', async () => {
      const o = await put('k', 'data');
      expect(await s.storage.objects.delete(bucket, 'k')).toEqual({ key: 'k', existed: true, deleteMarker: false });
      expect(await versionsOf('k')).toEqual([]);
      expect(await queued()).toEqual([o.blobId]);
      expect(await usage()).toEqual({ objectCount: 0, bytesUsed: 0 });
      expect(await s.storage.objects.delete(bucket, 'k')).toEqual({ key: 'k', existed: false, deleteMarker: false });
    });

    it('an enabled bucket inserts a delete marker as the latest version and keeps every version', async () => {
      await setVersioning('Enabled');
      const v1 = await put('k', 'data');
      const deleted = await s.storage.objects.delete(bucket, 'k', { ownerUserId: 'a'.repeat(32) });
      expect(deleted).toEqual({ key: 'k', existed: true, deleteMarker: true, versionId: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/) });
      expect(await versionsOf('k')).toEqual([
        [deleted.versionId, true, true, 0],
        [v1.versionId, false, false, 4],
      ]);
      expect(await queued()).toEqual([]);
      expect(await usage()).toEqual({ objectCount: 1, bytesUsed: 4 }); // the version is still stored
      expect(await text('k', v1.versionId)).toBe('data');
      const listing = await s.storage.objects.list({ bucket, maxKeys: 10 });
      expect(listing.objects).toEqual([]);

      const second = await s.storage.objects.delete(bucket, 'k');
      expect(second).toMatchObject({ existed: false, deleteMarker: true });
      expect((await versionsOf('k')).map((v) => v[2])).toEqual([true, true, false]);
    });

    it('an enabled bucket inserts a delete marker even for a key that never existed', async () => {
      await setVersioning('Enabled');
      const deleted = await s.storage.objects.delete(bucket, 'never');
      expect(deleted).toMatchObject({ existed: false, deleteMarker: true });
      expect(await versionsOf('never')).toEqual([[deleted.versionId, true, true, 0]]);
      expect(await usage()).toEqual({ objectCount: 0, bytesUsed: 0 });
    });

    it('a suspended bucket replaces the null version with a null delete marker', async () => {
      await setVersioning('Enabled');
      const v1 = await put('k', 'v1');
      await setVersioning('Suspended');
      const nullVersion = await put('k', 'null!');
      const deleted = await s.storage.objects.delete(bucket, 'k');
      expect(deleted).toEqual({ key: 'k', existed: true, deleteMarker: true, versionId: 'null' });
      expect(await versionsOf('k')).toEqual([
        ['null', true, true, 0],
        [v1.versionId, false, false, 2],
      ]);
      expect(await queued()).toEqual([nullVersion.blobId]);
      await expectCountersMatchRows();
      // A second delete replaces the null marker with another one.
      await s.storage.objects.delete(bucket, 'k');
      expect(await versionsOf('k')).toEqual([
        ['null', true, true, 0],
        [v1.versionId, false, false, 2],
      ]);
    });
  });

  describe('deletes with a version id', () => {
    it('removes exactly that version; the next newest becomes latest when it was the latest', async () => {
      await setVersioning('Enabled');
      const v1 = await put('k', 'one');
      const v2 = await put('k', 'two');
      const v3 = await put('k', 'three');
      expect(await s.storage.objects.delete(bucket, { key: 'k', versionId: v2.versionId })).toEqual({
        key: 'k',
        requestedVersionId: v2.versionId,
        existed: true,
        deleteMarker: false,
        versionId: v2.versionId,
      });
      expect(await versionsOf('k')).toEqual([
        [v3.versionId, true, false, 5],
        [v1.versionId, false, false, 3],
      ]);
      expect(await queued()).toEqual([v2.blobId]);
      await s.storage.objects.delete(bucket, { key: 'k', versionId: v3.versionId });
      expect(await versionsOf('k')).toEqual([[v1.versionId, true, false, 3]]);
      expect(await text('k')).toBe('one');
      await expectCountersMatchRows();
      expect(await usage()).toEqual({ objectCount: 1, bytesUsed: 3 });
    });

    it('deleting the delete marker by its id brings the previous version back', async () => {
      await setVersioning('Enabled');
      await put('k', 'kept');
      const marker = await s.storage.objects.delete(bucket, 'k');
      await expect(s.storage.objects.get({ bucket, key: 'k' })).rejects.toBeInstanceOf(DeleteMarkerError);
      const removed = await s.storage.objects.delete(bucket, { key: 'k', versionId: marker.versionId! });
      expect(removed).toMatchObject({ existed: true, deleteMarker: true, versionId: marker.versionId });
      expect(await text('k')).toBe('kept');
      expect((await s.storage.objects.list({ bucket, maxKeys: 10 })).objects.map((o) => o.key)).toEqual(['k']);
      await expectCountersMatchRows();
    });

    it('the null version of a versioned bucket is deleted by the id "null"', async () => {
      await put('k', 'null');
      await setVersioning('Enabled');
      const v1 = await put('k', 'v1');
      await s.storage.objects.delete(bucket, { key: 'k', versionId: 'null' });
      expect(await versionsOf('k')).toEqual([[v1.versionId, true, false, 2]]);
      await expectCountersMatchRows();
    });

    it('an unversioned bucket deletes its object by the id "null"', async () => {
      await put('k', 'data');
      expect(await s.storage.objects.delete(bucket, { key: 'k', versionId: 'null' })).toMatchObject({ existed: true, versionId: 'null' });
      expect(await versionsOf('k')).toEqual([]);
      expect(await usage()).toEqual({ objectCount: 0, bytesUsed: 0 });
    });

    it('a version that does not exist is a success that changes nothing; a malformed id is InvalidArgument', async () => {
      await setVersioning('Enabled');
      const v1 = await put('k', 'data');
      expect(await s.storage.objects.delete(bucket, { key: 'k', versionId: newVersionId() })).toMatchObject({ existed: false, deleteMarker: false });
      for (const versionId of ['', 'NULL', 'short', `${v1.versionId}x`, 'a\u0000'.padEnd(32, 'b')]) {
        const error = await failure(s.storage.objects.delete(bucket, { key: 'k', versionId }));
        expect({ versionId, code: error.code, argument: error.details.ArgumentName }).toEqual({ versionId, code: 'InvalidArgument', argument: 'versionId' });
      }
      expect(await versionsOf('k')).toEqual([[v1.versionId, true, false, 4]]);
    });

    it('the collector unlinks the blob of a removed version once nothing references it', async () => {
      await setVersioning('Enabled');
      const v1 = await put('k', 'one');
      const v2 = await put('k', 'two');
      await s.storage.objects.delete(bucket, { key: 'k', versionId: v1.versionId });
      await s.storage.gc.drain();
      expect(await s.blobFiles()).toEqual([v2.blobId]);
    });
  });

  describe('reads', () => {
    it('a key whose latest version is a delete marker is NoSuchKey, naming the marker', async () => {
      await setVersioning('Enabled');
      await put('k', 'data');
      const marker = await s.storage.objects.delete(bucket, 'k');
      for (const read of [s.storage.objects.get({ bucket, key: 'k' }), s.storage.objects.head({ bucket, key: 'k' })]) {
        const error = await failure(read);
        expect(error).toBeInstanceOf(DeleteMarkerError);
        expect(error.code).toBe('NoSuchKey');
        expect((error as DeleteMarkerError).marker.versionId).toBe(marker.versionId);
      }
    });

    it('a delete marker named by its id is MethodNotAllowed; an unknown id NoSuchVersion', async () => {
      await setVersioning('Enabled');
      await put('k', 'data');
      const marker = await s.storage.objects.delete(bucket, 'k');
      const error = await failure(s.storage.objects.head({ bucket, key: 'k', versionId: marker.versionId }));
      expect(error).toBeInstanceOf(DeleteMarkerError);
      expect(error.code).toBe('MethodNotAllowed');
      expect(error.details).toEqual({ ResourceType: 'DeleteMarker' });
      const missing = await failure(s.storage.objects.get({ bucket, key: 'k', versionId: newVersionId() }));
      expect(missing.code).toBe('NoSuchVersion');
      expect((await failure(s.storage.objects.get({ bucket, key: 'other', versionId: 'null' }))).code).toBe('NoSuchVersion');
      expect((await failure(s.storage.objects.get({ bucket, key: 'k', versionId: 'bad id' }))).code).toBe('InvalidArgument');
    });

    it('a version is read with its own bytes, metadata and conditions', async () => {
      await setVersioning('Enabled');
      const v1 = await s.storage.objects.put({ bucket, key: 'k', body: bodyOf('first'), contentType: 'text/plain', userMeta: { n: '1' } });
      await put('k', 'second');
      const head = await s.storage.objects.head({ bucket, key: 'k', versionId: v1.versionId, conditions: { ifMatch: [v1.etag] } });
      expect(head.object).toMatchObject({ versionId: v1.versionId, contentType: 'text/plain', userMeta: { n: '1' }, isLatest: false });
      expect((await failure(s.storage.objects.head({ bucket, key: 'k', versionId: v1.versionId, conditions: { ifMatch: ['x'] } }))).code).toBe(
        'PreconditionFailed',
      );
    });
  });

  describe('DeleteObjects with versions', () => {
    it('removes named versions, adds markers for plain keys and reports each target', async () => {
      await setVersioning('Enabled');
      const a1 = await put('a', 'a1');
      const a2 = await put('a', 'a2');
      await put('b', 'b1');
      const marker = await s.storage.objects.delete(bucket, 'c');
      const results = await s.storage.objects.deleteMany(bucket, [
        { key: 'a', versionId: a1.versionId },
        'b',
        { key: 'c', versionId: marker.versionId! },
        { key: 'a', versionId: 'not valid' },
        { key: 'missing', versionId: newVersionId() },
      ]);
      expect(results[0]).toEqual({ key: 'a', requestedVersionId: a1.versionId, existed: true, deleteMarker: false, versionId: a1.versionId });
      expect(results[1]).toMatchObject({ key: 'b', deleteMarker: true, existed: true });
      expect(results[2]).toMatchObject({ key: 'c', deleteMarker: true, versionId: marker.versionId });
      expect(results[3]).toMatchObject({ key: 'a', requestedVersionId: 'not valid', error: expect.objectContaining({ code: 'InvalidArgument' }) });
      expect(results[4]).toMatchObject({ key: 'missing', existed: false });
      expect(await versionsOf('a')).toEqual([[a2.versionId, true, false, 2]]);
      expect((await versionsOf('b')).map((v) => v[2])).toEqual([true, false]);
      expect(await versionsOf('c')).toEqual([]);
      await expectCountersMatchRows();
    });
  });

  it('keeps the counters equal to the stored versions through a long mixed sequence', async () => {
    const ids: Record<string, ObjectRecord[]> = { x: [], y: [] };
    const steps: (() => Promise<unknown>)[] = [
      async () => ids.x.push(await put('x', 'unversioned')),
      () => setVersioning('Enabled'),
      async () => ids.x.push(await put('x', 'v-one')),
      async () => ids.y.push(await put('y', 'y')),
      () => s.storage.objects.delete(bucket, 'x'),
      async () => ids.x.push(await put('x', 'v-three')),
      () => setVersioning('Suspended'),
      async () => ids.x.push(await put('x', 'null-again')),
      () => s.storage.objects.delete(bucket, 'y'),
      () => s.storage.objects.delete(bucket, { key: 'x', versionId: ids.x[1].versionId }),
      () => setVersioning('Enabled'),
      () => s.storage.objects.delete(bucket, 'x'),
      () => s.storage.objects.delete(bucket, { key: 'y', versionId: ids.y[0].versionId }),
    ];
    for (const step of steps) {
      await step();
      await expectCountersMatchRows();
    }
    expect(await usage()).toEqual({ objectCount: 2, bytesUsed: 'null-again'.length + 'v-three'.length });
  });
});
