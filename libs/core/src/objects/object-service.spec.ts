import { createHash, randomBytes } from 'node:crypto';
import { BucketRecord, repositories } from '@gw/metadata';
import { GatewayError } from '../errors';
import { bodyOf, errorCodeOf, failingBody, newAccount, openStorageFixture, readAll, rejectionOf, StorageFixture, StorageScope, usageOf } from '../testing';

const md5 = (data: Buffer | string) => createHash('md5').update(data).digest('hex');

describe('ObjectService', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());

  let s: StorageScope;
  let bucket: BucketRecord;
  let bucketSeq = 0;
  beforeEach(async () => {
    s = await f.scope(); // a blob store of the test's own: file counts below are exact
    const account = await newAccount(s.storage);
    bucket = await s.storage.buckets.create({ accountId: account, name: `bucket-${++bucketSeq}` });
  });

  const usage = () => usageOf(s.storage, bucket);
  const rowsOf = async (key: string) =>
    (await f.t.db.knex('objects').where({ bucket_id: bucket.id, key })).length;
  const queued = async (blobId: string) => (await f.t.db.knex('blob_gc').where({ blob_id: blobId })).length > 0;
  const codeOf = errorCodeOf;
  const expectNothingStored = async (key: string) => {
    expect(await rowsOf(key)).toBe(0);
    expect(await s.blobFiles()).toEqual([]);
    expect(await s.tmpFiles()).toEqual([]);
    expect(await usage()).toEqual({ objectCount: 0, bytesUsed: 0 });
  };

  describe('put and get', () => {
    it('stores the bytes and returns them with the md5 etag and the metadata', async () => {
      const data = randomBytes(200_000);
      const put = await s.storage.objects.put({
        bucket,
        key: 'dir/file.bin',
        body: bodyOf(data),
        size: data.length,
        contentType: 'application/octet-stream',
        userMeta: { color: 'blue', 'x-name': '\ud55c\uae00' },
        headers: { 'cache-control': 'no-cache' },
      });
      expect(put).toMatchObject({ key: 'dir/file.bin', versionId: 'null', isLatest: true, size: data.length, etag: md5(data) });
      expect(put.etag).toMatch(/^[0-9a-f]{32}$/);

      const got = await s.storage.objects.get({ bucket, key: 'dir/file.bin' });
      expect((await readAll(got.body)).equals(data)).toBe(true);
      expect(got.range).toBeUndefined();
      expect(got.object).toMatchObject({
        etag: md5(data),
        size: data.length,
        contentType: 'application/octet-stream',
        userMeta: { color: 'blue', 'x-name': '\ud55c\uae00' },
        headers: { 'cache-control': 'no-cache' },
        blobId: put.blobId,
      });
      expect((await s.storage.objects.head({ bucket, key: 'dir/file.bin' })).object.id).toBe(put.id);
      expect(await s.blobFiles()).toEqual([put.blobId]);
      expect(await usage()).toEqual({ objectCount: 1, bytesUsed: data.length });
    });

    it('stores an empty object', async () => {
      const put = await s.storage.objects.put({ bucket, key: 'empty', body: bodyOf(''), size: 0 });
      expect(put).toMatchObject({ size: 0, etag: 'd41d8cd98f00b204e9800998ecf8427e' });
      expect((await readAll((await s.storage.objects.get({ bucket, key: 'empty' })).body)).length).toBe(0);
    });

    it('stores and verifies requested checksums', async () => {
      const put = await s.storage.objects.put({
        bucket,
        key: 'summed',
        body: bodyOf('hello world'),
        integrity: { md5: md5('hello world'), checksums: ['crc32'], expectedChecksums: () => ({ crc32: 'DUoRhQ==' }) },
      });
      expect(put.checksums).toEqual({ crc32: 'DUoRhQ==' });
    });

    it('refuses keys no object can have with a 4xx, never a database error', async () => {
      for (const key of ['a\u0000b', '', 'k'.repeat(1025)]) {
        for (const attempt of [
          s.storage.objects.get({ bucket, key }),
          s.storage.objects.head({ bucket, key }),
          s.storage.objects.delete(bucket, key),
        ]) {
          const error = await rejectionOf(attempt);
          expect(error).toBeInstanceOf(GatewayError);
          expect((error as GatewayError).status).toBe(400);
        }
      }
      const [result] = await s.storage.objects.deleteMany(bucket, ['a\u0000b']);
      expect(result).toMatchObject({ key: 'a\u0000b', error: { code: 'InvalidArgument' } });
    });

    it('answers NoSuchKey for a key never written', async () => {
      const error = await rejectionOf(s.storage.objects.get({ bucket, key: 'missing' }));
      expect(error).toMatchObject({ code: 'NoSuchKey', status: 404, details: { Key: 'missing' } });
      expect(await codeOf(s.storage.objects.head({ bucket, key: 'missing' }))).toBe('NoSuchKey');
    });
  });

  describe('overwrite and delete', () => {
    it('replaces the object and queues the old blob, which drain then unlinks', async () => {
      const first = await s.storage.objects.put({ bucket, key: 'k', body: bodyOf('first version') });
      const second = await s.storage.objects.put({ bucket, key: 'k', body: bodyOf('second!') });
      expect(second.blobId).not.toBe(first.blobId);
      expect(await rowsOf('k')).toBe(1);
      expect((await readAll((await s.storage.objects.get({ bucket, key: 'k' })).body)).toString()).toBe('second!');
      expect(await usage()).toEqual({ objectCount: 1, bytesUsed: 7 });

      expect(await queued(first.blobId!)).toBe(true);
      expect(await queued(second.blobId!)).toBe(false);
      expect((await s.blobFiles()).sort()).toEqual([first.blobId, second.blobId].sort());

      expect(await s.storage.gc.drain()).toBeGreaterThanOrEqual(1);
      expect(await s.blobFiles()).toEqual([second.blobId]);
      expect(await queued(first.blobId!)).toBe(false);
      expect((await readAll((await s.storage.objects.get({ bucket, key: 'k' })).body)).toString()).toBe('second!');
    });

    it('keeps the usage counters in step through put, overwrite, delete and deleteMany', async () => {
      await s.storage.objects.put({ bucket, key: 'a', body: bodyOf('12345') });
      await s.storage.objects.put({ bucket, key: 'b', body: bodyOf('1234567890') });
      await s.storage.objects.put({ bucket, key: 'c', body: bodyOf('123') });
      expect(await usage()).toEqual({ objectCount: 3, bytesUsed: 18 });

      await s.storage.objects.put({ bucket, key: 'a', body: bodyOf('1') }); // 5 -> 1 byte
      expect(await usage()).toEqual({ objectCount: 3, bytesUsed: 14 });

      expect(await s.storage.objects.delete(bucket, 'b')).toEqual({ key: 'b', existed: true, deleteMarker: false });
      expect(await usage()).toEqual({ objectCount: 2, bytesUsed: 4 });
      expect(await s.storage.objects.delete(bucket, 'b')).toEqual({ key: 'b', existed: false, deleteMarker: false });
      expect(await usage()).toEqual({ objectCount: 2, bytesUsed: 4 });
      expect(await codeOf(s.storage.objects.get({ bucket, key: 'b' }))).toBe('NoSuchKey');

      const results = await s.storage.objects.deleteMany(bucket, ['a', 'nope', '', 'c']);
      expect(results.slice(0, 2)).toEqual([
        { key: 'a', existed: true, deleteMarker: false },
        { key: 'nope', existed: false, deleteMarker: false },
      ]);
      expect(results[2]).toMatchObject({ key: '', error: { code: 'InvalidArgument' } });
      expect(results[3]).toEqual({ key: 'c', existed: true, deleteMarker: false });
      expect(await usage()).toEqual({ objectCount: 0, bytesUsed: 0 });

      // Every blob written is now queued; draining leaves the store empty.
      expect(await s.blobFiles()).toHaveLength(4);
      await s.storage.gc.drain();
      expect(await s.blobFiles()).toEqual([]);
    });
  });

  describe('failed puts leave nothing behind', () => {
    it('Content-MD5 mismatch: BadDigest, no row, no blob, no temp file', async () => {
      const error = await rejectionOf(
        s.storage.objects.put({ bucket, key: 'bad-md5', body: bodyOf('payload'), integrity: { md5: md5('other payload') } }),
      );
      expect(error).toMatchObject({ code: 'BadDigest', status: 400 });
      await expectNothingStored('bad-md5');
    });

    it('checksum mismatch: BadDigest, nothing left', async () => {
      const error = await rejectionOf(
        s.storage.objects.put({
          bucket,
          key: 'bad-crc',
          body: bodyOf('hello world'),
          integrity: { checksums: ['crc32'], expectedChecksums: () => ({ crc32: 'AAAAAA==' }) },
        }),
      );
      expect(error).toMatchObject({ code: 'BadDigest' });
      expect((error as Error).message).toMatch(/CRC32/);
      await expectNothingStored('bad-crc');
    });

    it('a bad digest on an overwrite keeps the previous object', async () => {
      const old = await s.storage.objects.put({ bucket, key: 'keep', body: bodyOf('old') });
      expect(await codeOf(s.storage.objects.put({ bucket, key: 'keep', body: bodyOf('new'), integrity: { md5: md5('x') } }))).toBe(
        'BadDigest',
      );
      expect((await readAll((await s.storage.objects.get({ bucket, key: 'keep' })).body)).toString()).toBe('old');
      expect(await s.blobFiles()).toEqual([old.blobId]);
      expect(await usage()).toEqual({ objectCount: 1, bytesUsed: 3 });
    });

    it('a body that fails mid-way: rejects with its error, nothing left', async () => {
      const failure = new Error('connection reset by test');
      const error = await rejectionOf(s.storage.objects.put({ bucket, key: 'broken', body: failingBody(randomBytes(100_000), failure) }));
      expect(error).toBe(failure);
      await expectNothingStored('broken');
    });

    it('a body shorter than announced: IncompleteBody, nothing left', async () => {
      const error = await rejectionOf(s.storage.objects.put({ bucket, key: 'short', body: bodyOf('12345'), size: 10 }));
      expect(error).toMatchObject({ code: 'IncompleteBody', status: 400 });
      await expectNothingStored('short');
    });

    it('a body longer than announced: IncompleteBody, nothing left', async () => {
      expect(await codeOf(s.storage.objects.put({ bucket, key: 'long', body: bodyOf('123456789012'), size: 10 }))).toBe('IncompleteBody');
      await expectNothingStored('long');
    });

    it('a bucket deleted between lookup and put: NoSuchBucket, and the written blob is removed', async () => {
      await s.storage.buckets.delete(bucket.accountId, bucket.name); // `bucket` is now a stale record
      const error = await rejectionOf(s.storage.objects.put({ bucket, key: 'orphan', body: bodyOf('data') }));
      expect(error).toMatchObject({ code: 'NoSuchBucket', details: { BucketName: bucket.name } });
      expect(await rowsOf('orphan')).toBe(0);
      expect(await s.blobFiles()).toEqual([]);
      expect(await s.tmpFiles()).toEqual([]);
    });

    it('user metadata over 2 KiB: MetadataTooLarge, nothing left', async () => {
      const error = await rejectionOf(
        s.storage.objects.put({ bucket, key: 'meta', body: bodyOf('x'), userMeta: { big: 'v'.repeat(2046) } }), // 3 + 2046 bytes
      );
      expect(error).toMatchObject({ code: 'MetadataTooLarge', status: 400, details: { Size: 2049, MaxSizeAllowed: 2048 } });
      await expectNothingStored('meta');
      // Exactly 2 KiB, counted in UTF-8 bytes, is allowed.
      const ok = await s.storage.objects.put({ bucket, key: 'meta', body: bodyOf('x'), userMeta: { big: 'v'.repeat(2045) } });
      expect(ok.userMeta.big).toHaveLength(2045);
      expect(
        await codeOf(s.storage.objects.put({ bucket, key: 'meta2', body: bodyOf('x'), userMeta: { k: '\ud55c'.repeat(683) } })), // 1 + 2049 bytes
      ).toBe('MetadataTooLarge');
    });

    it('a body over the size limit: EntityTooLarge, announced or not, nothing left', async () => {
      const small = await f.scope({ maxObjectSize: 10 });
      expect(await codeOf(small.storage.objects.put({ bucket, key: 'big', body: bodyOf('12345678901') }))).toBe('EntityTooLarge');
      expect(await codeOf(small.storage.objects.put({ bucket, key: 'big', body: bodyOf('12345678901'), size: 11 }))).toBe('EntityTooLarge');
      expect(await small.blobFiles()).toEqual([]);
      expect(await small.tmpFiles()).toEqual([]);
      expect(await rowsOf('big')).toBe(0);
      expect((await small.storage.objects.put({ bucket, key: 'big', body: bodyOf('1234567890') })).size).toBe(10);
    });

    it('an invalid key is refused before any byte is stored', async () => {
      expect(await codeOf(s.storage.objects.put({ bucket, key: 'k'.repeat(1025), body: bodyOf('x') }))).toBe('KeyTooLongError');
      expect(await codeOf(s.storage.objects.put({ bucket, key: 'a\u0000b', body: bodyOf('x') }))).toBe('InvalidArgument');
      expect(await s.blobFiles()).toEqual([]);
      expect(await s.tmpFiles()).toEqual([]);
    });
  });

  describe('ranges and conditions', () => {
    const DATA = Buffer.from('0123456789abcdefghij'); // 20 bytes

    it('reads byte ranges', async () => {
      await s.storage.objects.put({ bucket, key: 'r', body: bodyOf(DATA) });
      const read = async (range: Parameters<typeof s.storage.objects.get>[0]['range']) => {
        const got = await s.storage.objects.get({ bucket, key: 'r', range });
        return { range: got.range, bytes: (await readAll(got.body)).toString() };
      };
      expect(await read({ first: 2, last: 5 })).toEqual({ range: { start: 2, end: 5, size: 20 }, bytes: '2345' });
      expect(await read({ first: 15 })).toEqual({ range: { start: 15, end: 19, size: 20 }, bytes: 'fghij' });
      expect(await read({ first: 18, last: 100 })).toEqual({ range: { start: 18, end: 19, size: 20 }, bytes: 'ij' });
      expect(await read({ suffixLength: 3 })).toEqual({ range: { start: 17, end: 19, size: 20 }, bytes: 'hij' });
      expect(await read({ suffixLength: 50 })).toEqual({ range: { start: 0, end: 19, size: 20 }, bytes: DATA.toString() });
      expect((await s.storage.objects.head({ bucket, key: 'r', range: { first: 0, last: 0 } })).range).toEqual({ start: 0, end: 0, size: 20 });
    });

    it('answers InvalidRange past the end and for any range of an empty object', async () => {
      await s.storage.objects.put({ bucket, key: 'r', body: bodyOf(DATA) });
      await s.storage.objects.put({ bucket, key: 'empty', body: bodyOf('') });
      const error = await rejectionOf(s.storage.objects.get({ bucket, key: 'r', range: { first: 20 } }));
      expect(error).toMatchObject({ code: 'InvalidRange', status: 416, details: { ActualObjectSize: 20 } });
      expect(await codeOf(s.storage.objects.get({ bucket, key: 'empty', range: { first: 0 } }))).toBe('InvalidRange');
      expect(await codeOf(s.storage.objects.get({ bucket, key: 'empty', range: { suffixLength: 1 } }))).toBe('InvalidRange');
    });

    it('evaluates preconditions against the etag and last-modified time', async () => {
      const put = await s.storage.objects.put({ bucket, key: 'c', body: bodyOf(DATA) });
      const modified = put.createdAt;
      const second = 1000;
      const get = (conditions: Parameters<typeof s.storage.objects.get>[0]['conditions']) =>
        s.storage.objects.get({ bucket, key: 'c', conditions });

      expect((await readAll((await get({ ifMatch: [put.etag] })).body)).equals(DATA)).toBe(true);
      expect(await codeOf(get({ ifMatch: ['0'.repeat(32)] }))).toBe('PreconditionFailed');
      expect(await codeOf(get({ ifNoneMatch: [put.etag] }))).toBe('NotModified');
      expect(await codeOf(get({ ifModifiedSince: new Date(modified.getTime() + second) }))).toBe('NotModified');
      expect(await codeOf(get({ ifModifiedSince: new Date(Math.floor(modified.getTime() / second) * second) }))).toBe('NotModified');
      await expect(get({ ifModifiedSince: new Date(modified.getTime() - 2 * second) })).resolves.toBeDefined();
      expect(await codeOf(get({ ifUnmodifiedSince: new Date(modified.getTime() - 2 * second) }))).toBe('PreconditionFailed');
      // If-None-Match decides over If-Modified-Since; If-Match over If-Unmodified-Since.
      await expect(get({ ifNoneMatch: ['other'], ifModifiedSince: new Date(modified.getTime() + second) })).resolves.toBeDefined();
      await expect(get({ ifMatch: [put.etag], ifUnmodifiedSince: new Date(modified.getTime() - 2 * second) })).resolves.toBeDefined();
      // Conditions are checked before the range.
      expect(await codeOf(s.storage.objects.get({ bucket, key: 'c', conditions: { ifNoneMatch: ['*'] }, range: { first: 99 } }))).toBe(
        'NotModified',
      );
    });
  });

  it('reads through the repositories the same row the put returned', async () => {
    const put = await s.storage.objects.put({ bucket, key: 'same', body: bodyOf('x') });
    expect(await repositories(f.t.db.knex).objects.findLatest(bucket.id, 'same')).toEqual(put);
  });
});
