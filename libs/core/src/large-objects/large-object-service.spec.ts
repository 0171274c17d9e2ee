import { createHash, randomBytes } from 'node:crypto';
import type { BucketRecord } from '@gw/metadata';
import { bodyOf, errorCodeOf, newAccount, openStorageFixture, readAll, StorageFixture, StorageScope, usageOf } from '../testing';
import { MIN_PART_SIZE } from '../multipart/part-number';
import { parseSloManifest } from './slo-manifest';
import { summarizeBulkDelete } from '../bulk/bulk-delete';

const md5 = (data: Buffer | string) => createHash('md5').update(data).digest('hex');

describe('Swift large objects in the core', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());

  let s: StorageScope;
  let bucket: BucketRecord;
  let other: BucketRecord;
  let seq = 0;
  beforeEach(async () => {
    s = await f.scope();
    const account = await newAccount(s.storage);
    bucket = await s.storage.buckets.create({ accountId: account, name: `lo-${++seq}` });
    other = await s.storage.buckets.create({ accountId: account, name: `seg-${seq}` });
  });

  const put = (b: BucketRecord, key: string, data: Buffer | string) => s.storage.objects.put({ bucket: b, key, body: bodyOf(data) });
  const read = async (b: BucketRecord, key: string, range?: { first: number; last?: number }) =>
    readAll((await s.storage.objects.get({ bucket: b, key, range })).body);
  const anyone = (_bucket: BucketRecord) => true;
  const putSlo = (manifest: unknown, key = 'big', mayRead = anyone) =>
    s.storage.largeObjects.putSlo({ bucket, key, segments: parseSloManifest(JSON.stringify(manifest), { container: bucket.name, object: key }), mayRead });

  describe('putSlo', () => {
    it('writes the manifest object over the segments blobs, across containers, without copying', async () => {
      const a = await put(bucket, 's/1', 'hello ');
      const b = await put(other, 's/2', 'world');
      const files = (await s.blobFiles()).length;
      const result = await putSlo([
        { path: `${bucket.name}/s/1`, etag: a.etag, size_bytes: 6 },
        { path: `/${other.name}/s/2`, etag: null, size_bytes: null },
      ]);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(result.object).toMatchObject({ size: 11, etag: md5(a.etag + b.etag), partCount: 2, blobId: undefined });
      expect(result.object.largeObject).toMatchObject({ kind: 'slo', manifest: [{ name: `/${bucket.name}/s/1`, bytes: 6, hash: a.etag }, { name: `/${other.name}/s/2` }] });
      expect((await s.blobFiles()).length).toBe(files);
      expect((await read(bucket, 'big')).toString()).toBe('hello world');
      expect((await read(bucket, 'big', { first: 4, last: 7 })).toString()).toBe('o wo');
      expect((await usageOf(s.storage, bucket)).bytesUsed).toBe(6 + 11);
    });

    it('uses a multipart object and an SLO as segments, and ranged segments on part boundaries', async () => {
      const upload = await s.storage.multipart.create({ bucket, key: 'mp' });
      const p1 = randomBytes(MIN_PART_SIZE);
      const parts = [
        await s.storage.multipart.uploadPart({ bucket, key: 'mp', uploadId: upload.uploadId, partNumber: 1, body: bodyOf(p1) }),
        await s.storage.multipart.uploadPart({ bucket, key: 'mp', uploadId: upload.uploadId, partNumber: 2, body: bodyOf('tail') }),
      ];
      const mp = await s.storage.multipart.complete({ bucket, key: 'mp', uploadId: upload.uploadId, parts: parts.map((p) => ({ partNumber: p.partNumber, etag: p.etag })) });
      await put(bucket, 'x', 'xyz');
      const inner = await putSlo([{ path: `${bucket.name}/x` }, { path: `${bucket.name}/mp`, range: `${MIN_PART_SIZE}-` }], 'inner');
      if (!inner.ok) throw new Error('inner refused');
      expect((await read(bucket, 'inner')).toString()).toBe('xyztail');
      // Ranges inside blobs share slices of them, nothing copied.
      const sliced = await putSlo([{ path: `${bucket.name}/x`, range: '1-1' }, { path: `${bucket.name}/mp`, range: `${MIN_PART_SIZE - 2}-${MIN_PART_SIZE + 1}` }, { path: `${bucket.name}/x`, range: '-1' }], 'sliced');
      if (!sliced.ok) throw new Error('sliced refused');
      expect(sliced.object.size).toBe(6);
      expect(await read(bucket, 'sliced')).toEqual(Buffer.concat([Buffer.from('y'), p1.subarray(MIN_PART_SIZE - 2), Buffer.from('ta'), Buffer.from('z')]));
      expect((await read(bucket, 'sliced', { first: 2, last: 4 }))).toEqual(Buffer.concat([p1.subarray(MIN_PART_SIZE - 1), Buffer.from('ta')]));
      const outer = await putSlo([{ path: `${bucket.name}/inner` }, { path: `${bucket.name}/mp`, etag: mp.etag }], 'outer');
      if (!outer.ok) throw new Error('outer refused');
      expect(outer.object.largeObject).toMatchObject({ manifest: [{ sub_slo: true }, { hash: mp.etag }] });
      expect(await read(bucket, 'outer')).toEqual(Buffer.concat([Buffer.from('xyztail'), p1, Buffer.from('tail')]));
    });

    it("refuses with Swift's per-segment errors and writes nothing", async () => {
      const a = await put(bucket, 'a', 'aaa');
      await put(other, 'b', 'bb');
      const result = await putSlo(
        [
          { path: `${bucket.name}/missing` },
          { path: `${bucket.name}/a`, etag: md5('nope') },
          { path: `${bucket.name}/a`, size_bytes: 4, etag: a.etag },
          { path: `${other.name}/b` },
          { path: 'no-such-container/x' },
        ],
        'big',
        (b) => b.id !== other.id,
      );
      expect(result).toEqual({
        ok: false,
        errors: [
          [`${bucket.name}/missing`, '404 Not Found'],
          [`${bucket.name}/a`, 'Etag Mismatch'],
          [`${bucket.name}/a`, 'Size Mismatch'],
          [`${other.name}/b`, '403 Forbidden'],
          ['no-such-container/x', '404 Not Found'],
        ],
      });
      expect(await errorCodeOf(s.storage.objects.head({ bucket, key: 'big' }))).toBe('NoSuchKey');
    });

    it('keeps shared blobs when a segment is deleted and the collector runs, frees them with the last reference', async () => {
      await put(bucket, 'seg', 'segment bytes');
      const result = await putSlo([{ path: `${bucket.name}/seg` }]);
      if (!result.ok) throw new Error('refused');
      await s.storage.objects.delete(bucket, 'seg');
      await s.storage.gc.drain();
      expect((await read(bucket, 'big')).toString()).toBe('segment bytes');
      expect((await s.blobFiles()).length).toBe(1);
      await s.storage.objects.delete(bucket, 'big');
      await s.storage.gc.drain();
      expect(await s.blobFiles()).toEqual([]);
    });

    it('reads encrypted segments, sliced by ranges, each blob with its own key', async () => {
      const secret = randomBytes(100_000);
      await s.storage.objects.put({ bucket, key: 'enc', body: bodyOf(secret), encryption: 'AES256' });
      await put(bucket, 'clear', 'clear');
      const result = await putSlo([{ path: `${bucket.name}/enc`, range: '40000-40099' }, { path: `${bucket.name}/clear` }]);
      if (!result.ok) throw new Error('refused');
      expect(await read(bucket, 'big')).toEqual(Buffer.concat([secret.subarray(40_000, 40_100), Buffer.from('clear')]));
      expect(await read(bucket, 'big', { first: 95, last: 101 })).toEqual(Buffer.concat([secret.subarray(40_095, 40_100), Buffer.from('cl')]));
    });

    it('versions the manifest like any write', async () => {
      bucket = await s.storage.buckets.setVersioning(bucket, 'Enabled');
      await put(bucket, 'seg', 'v');
      await put(bucket, 'big', 'plain first');
      const result = await putSlo([{ path: `${bucket.name}/seg` }]);
      if (!result.ok) throw new Error('refused');
      const versions = await s.storage.objects.listVersions({ bucket, prefix: 'big', maxKeys: 10 });
      expect(versions.versions.length).toBe(2);
    });
  });

  describe('DLO reads', () => {
    const putDlo = (key: string, container: string, prefix: string) =>
      s.storage.objects.put({ bucket, key, body: bodyOf(''), largeObject: { kind: 'dlo', container, prefix } });

    it('reads the current segments in name order, with the DLO ETag, ranges and conditions', async () => {
      await putDlo('movie', other.name, 'movie/');
      const e2 = (await put(other, 'movie/002', 'BBB')).etag;
      const e1 = (await put(other, 'movie/001', 'AA')).etag;
      await put(other, 'moviex', 'not a segment');
      const head = await s.storage.objects.head({ bucket, key: 'movie' });
      expect(head.object).toMatchObject({ size: 5, etag: md5(e1 + e2) });
      expect(head.object.largeObject).toEqual({ kind: 'dlo', container: other.name, prefix: 'movie/' });
      expect((await read(bucket, 'movie')).toString()).toBe('AABBB');
      expect((await read(bucket, 'movie', { first: 1, last: 3 })).toString()).toBe('ABB');
      expect(await errorCodeOf(s.storage.objects.get({ bucket, key: 'movie', conditions: { ifNoneMatch: [md5(e1 + e2)] } }))).toBe('NotModified');
      await put(other, 'movie/003', 'C');
      expect((await read(bucket, 'movie')).toString()).toBe('AABBBC');
      // The manifest object itself, as ?multipart-manifest=get reads it.
      expect((await s.storage.objects.head({ bucket, key: 'movie', asStored: true })).object.size).toBe(0);
    });

    it('is empty without segments, refused when the segments container may not be read', async () => {
      await putDlo('none', other.name, 'nothing/');
      expect((await read(bucket, 'none')).length).toBe(0);
      await put(other, 'p/1', 'x');
      await putDlo('secret', other.name, 'p/');
      expect(await errorCodeOf(s.storage.objects.get({ bucket, key: 'secret', mayReadSegments: () => false }))).toBe('AccessDenied');
    });
  });

  describe('copy', () => {
    it('copies an SLO as a plain object sharing its parts, and materialises a DLO', async () => {
      await put(bucket, 'a', 'one ');
      await put(other, 'd/1', 'two ');
      await put(other, 'd/2', 'three');
      const slo = await putSlo([{ path: `${bucket.name}/a` }, { path: `${other.name}/d/1` }]);
      if (!slo.ok) throw new Error('refused');
      const files = (await s.blobFiles()).length;
      const copied = await s.storage.objects.copy({ source: { bucket, key: 'big' }, bucket, key: 'copy' });
      expect(copied.object.largeObject).toBeUndefined();
      expect((await read(bucket, 'copy')).toString()).toBe('one two ');

      await s.storage.objects.put({ bucket, key: 'dlo', body: bodyOf(''), largeObject: { kind: 'dlo', container: other.name, prefix: 'd/' } });
      const fromDlo = await s.storage.objects.copy({ source: { bucket, key: 'dlo' }, bucket, key: 'frozen' });
      expect(fromDlo.object).toMatchObject({ size: 9, partCount: 2 });
      expect(fromDlo.object.largeObject).toBeUndefined();
      await put(other, 'd/3', '!');
      expect((await read(bucket, 'frozen')).toString()).toBe('two three');
      expect((await read(bucket, 'dlo')).toString()).toBe('two three!');
      expect((await s.blobFiles()).length).toBe(files + 2); // the DLO manifest's empty blob and d/3
    });
  });

  describe('deleteSlo', () => {
    it('deletes the segments then the manifest, reporting what it did', async () => {
      await put(bucket, 'a', 'A');
      await put(other, 'b', 'B');
      const slo = await putSlo([{ path: `${bucket.name}/a` }, { path: `${other.name}/b` }]);
      if (!slo.ok) throw new Error('refused');
      await s.storage.objects.delete(other, 'b');
      const outcomes = await s.storage.largeObjects.deleteSlo({ bucket, key: 'big', mayDelete: anyone });
      expect(outcomes).toEqual([
        { name: `/${bucket.name}/a`, result: 'deleted' },
        { name: `/${other.name}/b`, result: 'notFound' },
        { name: `/${bucket.name}/big`, result: 'deleted' },
      ]);
      expect(summarizeBulkDelete(outcomes)).toMatchObject({ numberDeleted: 2, numberNotFound: 1, responseStatus: '200 OK' });
      expect((await usageOf(s.storage, bucket)).objectCount).toBe(0);
    });

    it('leaves segments it may not delete, deletes a plain object alone', async () => {
      await put(other, 'b', 'B');
      const slo = await putSlo([{ path: `${other.name}/b` }]);
      if (!slo.ok) throw new Error('refused');
      const outcomes = await s.storage.largeObjects.deleteSlo({ bucket, key: 'big', mayDelete: (b) => b.id !== other.id });
      expect(outcomes).toEqual([
        { name: `/${other.name}/b`, result: 'failed', status: '403 Forbidden' },
        { name: `/${bucket.name}/big`, result: 'deleted' },
      ]);
      expect((await read(other, 'b')).toString()).toBe('B');
      await put(bucket, 'plain', 'p');
      expect(await s.storage.largeObjects.deleteSlo({ bucket, key: 'plain', mayDelete: anyone })).toEqual([{ name: `/${bucket.name}/plain`, result: 'deleted' }]);
      expect(await s.storage.largeObjects.deleteSlo({ bucket, key: 'gone', mayDelete: anyone })).toEqual([{ name: `/${bucket.name}/gone`, result: 'notFound' }]);
    });
  });
});
