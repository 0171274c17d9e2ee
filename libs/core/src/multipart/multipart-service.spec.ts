import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { BucketRecord, UploadRecord } from '@gw/metadata';
import { bodyOf, errorCodeOf, newAccount, openStorageFixture, readAll, rejectionOf, StorageFixture, StorageScope, usageOf } from '../testing';
import type { CompletedPart } from './complete-upload';
import { MIN_PART_SIZE } from './part-number';

const md5 = (data: Buffer | string) => createHash('md5').update(data).digest('hex');

describe('MultipartService', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());

  let s: StorageScope;
  let bucket: BucketRecord;
  let bucketSeq = 0;
  beforeEach(async () => {
    s = await f.scope(); // a blob store of the test's own: file counts below are exact
    const account = await newAccount(s.storage);
    bucket = await s.storage.buckets.create({ accountId: account, name: `mp-${++bucketSeq}` });
  });

  const usage = () => usageOf(s.storage, bucket);
  const codeOf = errorCodeOf;
  const create = (key = 'big.bin', extra: Partial<Parameters<StorageScope['storage']['multipart']['create']>[0]> = {}) =>
    s.storage.multipart.create({ bucket, key, ...extra });
  const put = (upload: UploadRecord, partNumber: number, data: Buffer | string) =>
    s.storage.multipart.uploadPart({ bucket, key: upload.key, uploadId: upload.uploadId, partNumber, body: bodyOf(data) });
  const complete = (upload: UploadRecord, parts: CompletedPart[]) =>
    s.storage.multipart.complete({ bucket, key: upload.key, uploadId: upload.uploadId, parts });
  const read = async (key: string, extra: { partNumber?: number; range?: { first: number; last?: number } } = {}) =>
    readAll((await s.storage.objects.get({ bucket, key, ...extra })).body);
  const rows = async (table: string, where: Record<string, unknown>) => (await f.t.db.knex(table).where(where)).length;

  /** Two 5 MiB parts and a small last one, uploaded out of order. */
  async function threeParts(upload: UploadRecord) {
    const data = [randomBytes(MIN_PART_SIZE), randomBytes(MIN_PART_SIZE), randomBytes(1234)];
    const records = [await put(upload, 3, data[2]), await put(upload, 1, data[0]), await put(upload, 2, data[1])];
    const [p3, p1, p2] = records;
    return { data, parts: [p1, p2, p3] };
  }

  describe('complete', () => {
    it('makes the object from the listed parts without copying a byte', async () => {
      const upload = await create('big.bin', {
        contentType: 'video/mp4', userMeta: { camera: 'x100' }, headers: { 'cache-control': 'no-cache' }, tags: { k: 'v' }, acl: { canned: 'public-read' },
      });
      const { data, parts } = await threeParts(upload);
      const blobsBefore = await s.blobFiles();
      expect(blobsBefore.sort()).toEqual(parts.map((p) => p.blobId).sort());

      const object = await complete(upload, parts.map((p) => ({ partNumber: p.partNumber, etag: `"${p.etag}"` })));
      const whole = Buffer.concat(data);
      // The ETag by hand: MD5 over the three binary part MD5s, then "-3".
      const byHand = createHash('md5')
        .update(Buffer.concat(data.map((d) => createHash('md5').update(d).digest())))
        .digest('hex');
      expect(object).toMatchObject({ key: 'big.bin', size: whole.length, etag: `${byHand}-3`, partCount: 3, blobId: undefined });
      expect(object).toMatchObject({ contentType: 'video/mp4', userMeta: { camera: 'x100' }, headers: { 'cache-control': 'no-cache' }, tags: { k: 'v' } });
      expect(object.acl).toContainEqual({ grantee: { type: 'group', group: 'AllUsers' }, permission: 'READ' });

      expect((await s.blobFiles()).sort()).toEqual(blobsBefore.sort()); // the part blobs are the object now
      const manifest = await f.t.db.knex('object_parts').where({ object_id: object.id }).orderBy('part_number');
      expect(manifest.map((m) => [Number(m.part_number), Number(m.start_offset), Number(m.size)])).toEqual([
        [1, 0, MIN_PART_SIZE],
        [2, MIN_PART_SIZE, MIN_PART_SIZE],
        [3, 2 * MIN_PART_SIZE, 1234],
      ]);
      expect(md5(await read('big.bin'))).toBe(md5(whole));
      // A range across the boundary of parts 1 and 2, then one inside part 3.
      const across = await read('big.bin', { range: { first: MIN_PART_SIZE - 10, last: MIN_PART_SIZE + 9 } });
      expect(across.equals(whole.subarray(MIN_PART_SIZE - 10, MIN_PART_SIZE + 10))).toBe(true);
      expect((await read('big.bin', { range: { first: 2 * MIN_PART_SIZE + 5 } })).equals(data[2].subarray(5))).toBe(true);

      expect(await rows('multipart_uploads', { upload_id: upload.uploadId })).toBe(0);
      expect(await rows('upload_parts', { upload_id: upload.uploadId })).toBe(0);
      expect(await usage()).toEqual({ objectCount: 1, bytesUsed: whole.length });
      await s.storage.gc.drain();
      expect((await s.blobFiles()).sort()).toEqual(blobsBefore.sort());
    });

    it('accepts unquoted ETags and a single part of any size', async () => {
      const upload = await create('one');
      const part = await put(upload, 7, 'tiny');
      const object = await complete(upload, [{ partNumber: 7, etag: part.etag }]);
      expect(object).toMatchObject({ size: 4, partCount: 1, etag: `${md5(Buffer.from(md5('tiny'), 'hex'))}-1` });
      expect((await read('one')).toString()).toBe('tiny');
    });

    it('refuses a non-last part under 5 MiB with EntityTooSmall, and keeps the upload', async () => {
      const upload = await create();
      const small = await put(upload, 1, randomBytes(MIN_PART_SIZE - 1));
      const last = await put(upload, 2, 'end');
      const error = await rejectionOf(complete(upload, [small, last].map((p) => ({ partNumber: p.partNumber, etag: p.etag }))));
      expect(error).toMatchObject({ code: 'EntityTooSmall', details: { ProposedSize: MIN_PART_SIZE - 1, MinSizeAllowed: MIN_PART_SIZE, PartNumber: 1 } });
      expect(await rows('upload_parts', { upload_id: upload.uploadId })).toBe(2);
      expect(await usage()).toEqual({ objectCount: 0, bytesUsed: 0 });
    });

    it('refuses unknown parts and wrong ETags with InvalidPart', async () => {
      const upload = await create();
      const part = await s.storage.multipart.uploadPart({
        bucket, key: upload.key, uploadId: upload.uploadId, partNumber: 1, body: bodyOf('data'), integrity: { checksums: ['crc32'] },
      });
      expect(await codeOf(complete(upload, [{ partNumber: 2, etag: part.etag }]))).toBe('InvalidPart');
      expect(await codeOf(complete(upload, [{ partNumber: 1, etag: md5('other') }]))).toBe('InvalidPart');
      expect(await codeOf(complete(upload, [{ partNumber: 1, etag: part.etag, checksums: { crc32: 'AAAAAA==' } }]))).toBe('InvalidPart');
      expect(await rows('upload_parts', { upload_id: upload.uploadId })).toBe(1);
    });

    it('refuses parts out of ascending order or repeated with InvalidPartOrder', async () => {
      const upload = await create();
      const one = await put(upload, 1, randomBytes(MIN_PART_SIZE));
      const two = await put(upload, 2, 'b');
      const listed = (p: typeof one) => ({ partNumber: p.partNumber, etag: p.etag });
      expect(await codeOf(complete(upload, [listed(two), listed(one)]))).toBe('InvalidPartOrder');
      expect(await codeOf(complete(upload, [listed(one), listed(one)]))).toBe('InvalidPartOrder');
      expect(await codeOf(complete(upload, []))).toBe('InvalidRequest');
    });

    it('queues the unlisted parts and the replaced object, so drain leaves no orphan', async () => {
      const old = await s.storage.objects.put({ bucket, key: 'k', body: bodyOf('previous object') });
      const upload = await create('k');
      const kept = await put(upload, 1, randomBytes(MIN_PART_SIZE));
      const skipped = await put(upload, 2, 'skipped');
      const last = await put(upload, 3, 'last');
      const object = await complete(upload, [kept, last].map((p) => ({ partNumber: p.partNumber, etag: p.etag })));
      expect(object.size).toBe(MIN_PART_SIZE + 4);
      expect(await usage()).toEqual({ objectCount: 1, bytesUsed: MIN_PART_SIZE + 4 });
      expect(await rows('objects', { bucket_id: bucket.id, key: 'k' })).toBe(1);

      await s.storage.gc.drain();
      expect((await s.blobFiles()).sort()).toEqual([kept.blobId, last.blobId].sort());
      expect(await s.blobFiles()).not.toContain(skipped.blobId);
      expect(await s.blobFiles()).not.toContain(old.blobId);

      // Overwriting the multipart object releases its part blobs in turn.
      await s.storage.objects.put({ bucket, key: 'k', body: bodyOf('simple again') });
      await s.storage.gc.drain();
      expect(await s.blobFiles()).toHaveLength(1);
      expect(await usage()).toEqual({ objectCount: 1, bytesUsed: 12 });
    });

    it('answers NoSuchUpload once the upload is completed, and for ids of other keys or malformed ids', async () => {
      const upload = await create('x');
      const part = await put(upload, 1, 'x');
      await complete(upload, [{ partNumber: 1, etag: part.etag }]);
      expect(await codeOf(complete(upload, [{ partNumber: 1, etag: part.etag }]))).toBe('NoSuchUpload');
      const other = await create('y');
      expect(await codeOf(s.storage.multipart.abort({ bucket, key: 'x', uploadId: other.uploadId }))).toBe('NoSuchUpload');
      expect(await codeOf(s.storage.multipart.abort({ bucket, key: 'y', uploadId: 'not\u0000an-id' }))).toBe('NoSuchUpload');
    });

    it('gives the object the composite checksum of its parts when the upload names an algorithm', async () => {
      const upload = await create('summed', { checksumAlgorithm: 'crc32' });
      const a = await put(upload, 1, randomBytes(MIN_PART_SIZE));
      const b = await put(upload, 2, 'tail');
      expect(a.checksums.crc32).toMatch(/^[A-Za-z0-9+/]{6}==$/);
      const object = await complete(upload, [a, b].map((p) => ({ partNumber: p.partNumber, etag: p.etag, checksums: { crc32: p.checksums.crc32 } })));
      const crc32Of = (data: Buffer) => {
        const out = Buffer.alloc(4);
        out.writeUInt32BE(crc32(data));
        return out;
      };
      const byHand = crc32Of(Buffer.concat([a, b].map((p) => Buffer.from(p.checksums.crc32, 'base64')))).toString('base64');
      expect(object.checksums).toEqual({ crc32: `${byHand}-2` });
    });
  });

  describe('parts', () => {
    it('replaces a part uploaded again with the same number and queues the old blob', async () => {
      const upload = await create();
      const first = await put(upload, 1, 'first');
      const second = await put(upload, 1, 'second');
      expect(await rows('upload_parts', { upload_id: upload.uploadId })).toBe(1);
      expect(await rows('blob_gc', { blob_id: first.blobId })).toBe(1);
      await s.storage.gc.drain();
      expect(await s.blobFiles()).toEqual([second.blobId]);
      await complete(upload, [{ partNumber: 1, etag: second.etag }]);
      expect((await read(upload.key)).toString()).toBe('second');
    });

    it('refuses tags S3 refuses before anything is recorded', async () => {
      expect(await codeOf(create('tagged', { tags: { 'aws:system': 'x' } }))).toBe('InvalidTag');
      expect(await rows('multipart_uploads', { bucket_id: bucket.id })).toBe(0);
    });

    it('refuses part numbers outside 1..10000 and uploads that do not exist, writing nothing', async () => {
      const upload = await create();
      for (const partNumber of [0, 10001, 1.5]) expect(await codeOf(put(upload, partNumber, 'x'))).toBe('InvalidArgument');
      expect(await codeOf(s.storage.multipart.uploadPart({ bucket, key: upload.key, uploadId: 'f'.repeat(32), partNumber: 1, body: bodyOf('x') }))).toBe('NoSuchUpload');
      expect(await s.blobFiles()).toEqual([]);
    });

    it('verifies a part like a PutObject body: BadDigest leaves no blob and no row', async () => {
      const upload = await create();
      const error = await rejectionOf(
        s.storage.multipart.uploadPart({ bucket, key: upload.key, uploadId: upload.uploadId, partNumber: 1, body: bodyOf('abc'), integrity: { md5: md5('abd') } }),
      );
      expect(error).toMatchObject({ code: 'BadDigest' });
      expect(await s.blobFiles()).toEqual([]);
      expect(await rows('upload_parts', { upload_id: upload.uploadId })).toBe(0);
    });

    it('lists parts a page at a time', async () => {
      const upload = await create();
      for (const n of [5, 1, 3, 2, 4]) await put(upload, n, `part ${n}`);
      const target = { bucket, key: upload.key, uploadId: upload.uploadId };
      const first = await s.storage.multipart.listParts({ ...target, maxParts: 2 });
      expect(first.parts.map((p) => p.partNumber)).toEqual([1, 2]);
      expect(first).toMatchObject({ isTruncated: true, nextPartNumberMarker: 2 });
      const rest = await s.storage.multipart.listParts({ ...target, after: 2, maxParts: 1000 });
      expect(rest.parts.map((p) => [p.partNumber, p.size, p.etag])).toEqual([3, 4, 5].map((n) => [n, 6, md5(`part ${n}`)]));
      expect(rest).toMatchObject({ isTruncated: false, nextPartNumberMarker: 5 });
      expect(await s.storage.multipart.listParts({ ...target, after: 5, maxParts: 10 })).toMatchObject({ parts: [], isTruncated: false });
    });

    it('copies a byte range of an object into a part, honouring the copy conditions', async () => {
      const source = randomBytes(100_000);
      const object = await s.storage.objects.put({ bucket, key: 'source', body: bodyOf(source) });
      const upload = await create('copy');
      const target = { bucket, key: 'copy', uploadId: upload.uploadId };
      const part = await s.storage.multipart.uploadPartCopy({ ...target, partNumber: 1, source: { bucket, key: 'source' }, range: { first: 10, last: 20009 } });
      expect(part).toMatchObject({ size: 20000, etag: md5(source.subarray(10, 20010)) });
      expect(part.blobId).not.toBe(object.blobId);

      const copy = (extra: object) => s.storage.multipart.uploadPartCopy({ ...target, partNumber: 2, source: { bucket, key: 'source' }, ...extra });
      expect(await codeOf(copy({ range: { first: 0, last: 100_000 } }))).toBe('InvalidArgument');
      expect(await codeOf(copy({ range: { first: 100_000, last: 100_001 } }))).toBe('InvalidArgument');
      expect(await codeOf(copy({ source: { bucket, key: 'source', conditions: { ifMatch: ['nope'] } } }))).toBe('PreconditionFailed');
      expect(await codeOf(copy({ source: { bucket, key: 'source', conditions: { ifNoneMatch: [object.etag] } } }))).toBe('PreconditionFailed');
      expect(await codeOf(copy({ source: { bucket, key: 'missing' } }))).toBe('NoSuchKey');
      await copy({ source: { bucket, key: 'source', conditions: { ifMatch: [object.etag] } } });

      const done = await complete(upload, [{ partNumber: 1, etag: part.etag }]);
      expect(done.size).toBe(20000);
      expect((await read('copy')).equals(source.subarray(10, 20010))).toBe(true);
    });
  });

  describe('abort', () => {
    it('removes the upload and its parts; drain removes their blobs', async () => {
      const upload = await create();
      await put(upload, 1, 'one');
      await put(upload, 2, 'two');
      await s.storage.multipart.abort({ bucket, key: upload.key, uploadId: upload.uploadId });
      expect(await rows('multipart_uploads', { upload_id: upload.uploadId })).toBe(0);
      expect(await rows('upload_parts', { upload_id: upload.uploadId })).toBe(0);
      expect(await s.blobFiles()).toHaveLength(2);
      await s.storage.gc.drain();
      expect(await s.blobFiles()).toEqual([]);
      expect(await usage()).toEqual({ objectCount: 0, bytesUsed: 0 });
      expect(await codeOf(s.storage.multipart.abort({ bucket, key: upload.key, uploadId: upload.uploadId }))).toBe('NoSuchUpload');
      expect(await codeOf(put(upload, 3, 'late'))).toBe('NoSuchUpload');
    });

    it('keeps the bucket from being deleted while an upload is in progress', async () => {
      const upload = await create();
      expect(await codeOf(s.storage.buckets.delete(bucket.accountId, bucket.name))).toBe('BucketNotEmpty');
      await s.storage.multipart.abort({ bucket, key: upload.key, uploadId: upload.uploadId });
      await s.storage.buckets.delete(bucket.accountId, bucket.name);
    });
  });

  describe('listing uploads', () => {
    it('orders by key bytes then initiation, with prefix, delimiter and markers', async () => {
      const a1 = await create('a/1');
      await new Promise((resolve) => setTimeout(resolve, 2)); // initiated a millisecond later at least
      const a1again = await create('a/1');
      const a2 = await create('a/2');
      const b = await create('b');
      const e = await create('\u00e9');
      const list = (input: Partial<Parameters<StorageScope['storage']['multipart']['list']>[0]> = {}) =>
        s.storage.multipart.list({ bucket, maxUploads: 1000, ...input });
      const ids = (r: Awaited<ReturnType<typeof list>>) => r.uploads.map((u) => u.uploadId);

      expect(ids(await list())).toEqual([a1, a1again, a2, b, e].map((u) => u.uploadId));
      expect(ids(await list({ prefix: 'a/' }))).toEqual([a1, a1again, a2].map((u) => u.uploadId));
      const rolled = await list({ delimiter: '/' });
      expect(rolled.commonPrefixes).toEqual(['a/']);
      expect(ids(rolled)).toEqual([b.uploadId, e.uploadId]);

      const page = await list({ maxUploads: 1 });
      expect(page).toMatchObject({ isTruncated: true, nextKeyMarker: 'a/1', nextUploadIdMarker: a1.uploadId });
      const next = await list({ maxUploads: 2, keyMarker: page.nextKeyMarker, uploadIdMarker: page.nextUploadIdMarker });
      expect(ids(next)).toEqual([a1again.uploadId, a2.uploadId]);
      expect(ids(await list({ keyMarker: 'a/1' }))).toEqual([a2, b, e].map((u) => u.uploadId));
      expect(ids(await list({ uploadIdMarker: a1.uploadId }))).toHaveLength(5); // without a key marker: ignored
      const afterPrefix = await list({ delimiter: '/', keyMarker: 'a/' });
      expect(afterPrefix.commonPrefixes).toEqual([]);
      expect(ids(afterPrefix)).toEqual([b.uploadId, e.uploadId]);
      const prefixPage = await list({ delimiter: '/', maxUploads: 1 });
      expect(prefixPage).toMatchObject({ commonPrefixes: ['a/'], isTruncated: true, nextKeyMarker: 'a/', nextUploadIdMarker: undefined });
    });
  });

  describe('reading a part of an object', () => {
    it('serves part N of a multipart object and part 1 of a simple one', async () => {
      const upload = await create('parts');
      const { data, parts } = await threeParts(upload);
      await complete(upload, parts.map((p) => ({ partNumber: p.partNumber, etag: p.etag })));
      const head = await s.storage.objects.head({ bucket, key: 'parts', partNumber: 2 });
      expect(head.range).toEqual({ start: MIN_PART_SIZE, end: 2 * MIN_PART_SIZE - 1, size: 2 * MIN_PART_SIZE + 1234 });
      expect((await read('parts', { partNumber: 2 })).equals(data[1])).toBe(true);
      expect((await read('parts', { partNumber: 3 })).equals(data[2])).toBe(true);
      expect(await codeOf(s.storage.objects.get({ bucket, key: 'parts', partNumber: 4 }))).toBe('InvalidPartNumber');

      await s.storage.objects.put({ bucket, key: 'simple', body: bodyOf('whole') });
      expect((await s.storage.objects.head({ bucket, key: 'simple', partNumber: 1 })).range).toEqual({ start: 0, end: 4, size: 5 });
      expect(await codeOf(s.storage.objects.head({ bucket, key: 'simple', partNumber: 2 }))).toBe('InvalidPartNumber');
      expect(await codeOf(s.storage.objects.head({ bucket, key: 'simple', partNumber: 0 }))).toBe('InvalidArgument');
    });
  });
});
