import { createHash } from 'node:crypto';
import { BucketRecord, ObjectRecord, repositories } from '@gw/metadata';
import { GatewayError } from '../errors';
import { bodyOf, newAccount, openStorageFixture, readAll, rejectionOf, StorageFixture, StorageScope } from '../testing';
import { newVersionId } from './version-id';

const md5 = (data: string) => createHash('md5').update(data).digest('hex');

describe('copyObject', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());

  let s: StorageScope;
  let account: string;
  let bucket: BucketRecord;
  let other: BucketRecord;
  let seq = 0;
  beforeEach(async () => {
    s = await f.scope({ maxObjectSize: 1024 }); // a blob store of the test's own; a small copy limit
    account = await newAccount(s.storage);
    bucket = await s.storage.buckets.create({ accountId: account, name: `copy-${++seq}` });
    other = await s.storage.buckets.create({ accountId: account, name: `copy-other-${seq}` });
    await f.t.db.knex('blob_gc').delete(); // the queue is the file's database's: start each test empty
  });

  const put = (key: string, body: string, extra: Partial<Parameters<typeof s.storage.objects.put>[0]> = {}, into = bucket) =>
    s.storage.objects.put({ bucket: into, key, body: bodyOf(body), ...extra });
  const text = async (key: string, from = bucket, versionId?: string) =>
    (await readAll((await s.storage.objects.get({ bucket: from, key, versionId })).body)).toString();
  const usage = async (b: BucketRecord) => {
    const { objectCount, bytesUsed } = await s.storage.buckets.get(b.accountId, b.name);
    return { objectCount, bytesUsed };
  };
  const failure = async (promise: Promise<unknown>) => {
    const error = await rejectionOf(promise);
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  };
  const copy = (sourceKey: string, key: string, extra: Partial<Parameters<typeof s.storage.objects.copy>[0]> = {}) =>
    s.storage.objects.copy({ source: { bucket, key: sourceKey }, bucket, key, ...extra });

  /** A multipart object as CompleteMultipartUpload leaves it: parts, each a blob of its own, no data of its own. */
  async function multipartObject(key: string, pieces: string[]): Promise<ObjectRecord> {
    const repos = repositories(f.t.db.knex);
    const parts = [];
    let offset = 0;
    for (const [i, piece] of pieces.entries()) {
      const blob = await s.blobs.write(bodyOf(piece), {});
      parts.push({ partNumber: i + 1, blobId: blob.id, size: blob.size, etag: blob.md5, startOffset: offset });
      offset += blob.size;
    }
    const record = await repos.objects.insertLatest({
      bucketId: bucket.id, key, versionId: 'null', isDeleteMarker: false, size: offset, etag: `${md5('parts')}-${pieces.length}`,
      userMeta: {}, headers: {}, checksums: {}, tags: {}, partCount: pieces.length,
    });
    await repos.objects.insertParts(record.id, parts);
    await repos.buckets.adjustUsage(bucket.id, 1, offset);
    return record;
  }

  it('copies by reference: same blob, ETag, size, metadata, stored headers and tags, and no bytes written', async () => {
    const source = await put('src', 'hello', {
      contentType: 'text/plain',
      userMeta: { color: 'blue' },
      headers: { 'cache-control': 'no-cache' },
      tags: { a: '1' },
    });
    const { object, source: copied } = await copy('src', 'dst');
    expect(copied.id).toBe(source.id);
    expect(object).toMatchObject({
      key: 'dst', versionId: 'null', isLatest: true, blobId: source.blobId, etag: source.etag, size: 5,
      contentType: 'text/plain', userMeta: { color: 'blue' }, headers: { 'cache-control': 'no-cache' }, tags: { a: '1' },
    });
    expect(object.id).not.toBe(source.id);
    expect(await text('dst')).toBe('hello');
    expect(await text('src')).toBe('hello');
    expect(await s.blobFiles()).toEqual([source.blobId]);
    expect(await usage(bucket)).toEqual({ objectCount: 2, bytesUsed: 10 });
  });

  it('REPLACE takes the metadata and tags of the request, never the source ACL', async () => {
    await put('src', 'hello', { contentType: 'text/plain', userMeta: { color: 'blue' }, headers: { 'content-language': 'en' }, tags: { a: '1' } });
    const src = (await s.storage.objects.head({ bucket, key: 'src' })).object;
    await repositories(f.t.db.knex).objects.setAcl(src.id, [{ grantee: { type: 'group', group: 'AllUsers' }, permission: 'READ' }]);
    const { object } = await copy('src', 'dst', { metadata: { userMeta: { size: 'L' }, headers: {} }, tags: { b: '2', c: '' } });
    expect(object).toMatchObject({ contentType: undefined, userMeta: { size: 'L' }, headers: {}, tags: { b: '2', c: '' } });
    expect(object.acl).toBeUndefined();
    const emptied = await copy('src', 'untagged', { tags: {} });
    expect(emptied.object).toMatchObject({ tags: {}, contentType: 'text/plain', userMeta: { color: 'blue' } });
  });

  it('copies across buckets of the account, and from a named version', async () => {
    const old = await put('src', 'old');
    bucket = await s.storage.buckets.setVersioning(bucket, 'Enabled');
    await put('src', 'new');
    const { object, source } = await s.storage.objects.copy({ source: { bucket, key: 'src', versionId: 'null' }, bucket: other, key: 'dst' });
    expect(source.id).toBe(old.id);
    expect(object).toMatchObject({ bucketId: other.id, versionId: 'null', etag: md5('old') });
    expect(await text('dst', other)).toBe('old');
    expect(await usage(other)).toEqual({ objectCount: 1, bytesUsed: 3 });
  });

  it('gives the copy a new version id in a versioning-enabled bucket', async () => {
    other = await s.storage.buckets.setVersioning(other, 'Enabled');
    await put('src', 'data');
    const first = await s.storage.objects.copy({ source: { bucket, key: 'src' }, bucket: other, key: 'dst' });
    const second = await s.storage.objects.copy({ source: { bucket, key: 'src' }, bucket: other, key: 'dst' });
    expect(first.object.versionId).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(second.object.versionId).not.toBe(first.object.versionId);
    expect(await usage(other)).toEqual({ objectCount: 2, bytesUsed: 8 });
  });

  describe('onto itself', () => {
    const illegal = "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.";

    it('is InvalidRequest without new metadata or attributes, even with new tags', async () => {
      await put('self', 'data', { tags: { a: '1' } });
      for (const extra of [{}, { tags: { b: '2' } }]) {
        const error = await failure(copy('self', 'self', extra));
        expect({ code: error.code, message: error.message }).toEqual({ code: 'InvalidRequest', message: illegal });
      }
      expect((await s.storage.objects.head({ bucket, key: 'self' })).object.tags).toEqual({ a: '1' });
    });

    it('with REPLACE changes the metadata in place and keeps the shared blob through the collector', async () => {
      const source = await put('self', 'data', { userMeta: { v: '1' } });
      const { object } = await copy('self', 'self', { metadata: { userMeta: { v: '2' }, headers: {} } });
      expect(object).toMatchObject({ versionId: 'null', blobId: source.blobId, userMeta: { v: '2' } });
      expect(await f.t.db.knex('objects').where({ bucket_id: bucket.id, key: 'self' })).toHaveLength(1);
      await s.storage.gc.drain(); // the replaced row queued the blob; the collector sees the copy's reference
      expect(await s.blobFiles()).toEqual([source.blobId]);
      expect(await text('self')).toBe('data');
      expect(await usage(bucket)).toEqual({ objectCount: 1, bytesUsed: 4 });
    });

    it('is legal when it changes another attribute (storage class, encryption)', async () => {
      await put('self', 'data', { userMeta: { v: '1' } });
      const { object } = await copy('self', 'self', { changesAttributes: true });
      expect(object.userMeta).toEqual({ v: '1' });
    });

    it('is legal from an older version: that restores it as the latest', async () => {
      bucket = await s.storage.buckets.setVersioning(bucket, 'Enabled');
      const v1 = await put('self', 'first');
      await put('self', 'second');
      await s.storage.objects.copy({ source: { bucket, key: 'self', versionId: v1.versionId }, bucket, key: 'self' });
      expect(await text('self')).toBe('first');
      expect(await f.t.db.knex('objects').where({ bucket_id: bucket.id, key: 'self' })).toHaveLength(3);
    });
  });

  describe('the source conditions', () => {
    const minute = 60_000;
    let source: ObjectRecord;
    beforeEach(async () => (source = await put('src', 'data')));
    const before = () => new Date(source.createdAt.getTime() - minute);
    const after = () => new Date(source.createdAt.getTime() + minute);

    it.each<[string, () => object, string | undefined]>([
      ['if-match that holds', () => ({ ifMatch: [source.etag] }), undefined],
      ['if-match that fails', () => ({ ifMatch: ['0'.repeat(32)] }), 'x-amz-copy-source-If-Match'],
      ['if-none-match that holds', () => ({ ifNoneMatch: ['0'.repeat(32)] }), undefined],
      ['if-none-match that fails (a GET would say 304)', () => ({ ifNoneMatch: [source.etag] }), 'x-amz-copy-source-If-None-Match'],
      ['if-modified-since that holds', () => ({ ifModifiedSince: before() }), undefined],
      ['if-modified-since that fails', () => ({ ifModifiedSince: after() }), 'x-amz-copy-source-If-Modified-Since'],
      ['if-unmodified-since that holds', () => ({ ifUnmodifiedSince: after() }), undefined],
      ['if-unmodified-since that fails', () => ({ ifUnmodifiedSince: before() }), 'x-amz-copy-source-If-Unmodified-Since'],
      ['if-match that holds with if-unmodified-since that fails', () => ({ ifMatch: [source.etag], ifUnmodifiedSince: before() }), undefined],
      ['if-none-match that fails with if-modified-since that holds', () => ({ ifNoneMatch: [source.etag], ifModifiedSince: before() }), 'x-amz-copy-source-If-None-Match'],
    ])('%s', async (_name, conditions, failed) => {
      const attempt = s.storage.objects.copy({ source: { bucket, key: 'src', conditions: conditions() }, bucket, key: 'dst' });
      if (failed === undefined) {
        await attempt;
        expect(await text('dst')).toBe('data');
      } else {
        const error = await failure(attempt);
        expect({ code: error.code, condition: error.details.Condition }).toEqual({ code: 'PreconditionFailed', condition: failed });
        expect(await f.t.db.knex('objects').where({ bucket_id: bucket.id, key: 'dst' })).toHaveLength(0);
      }
    });
  });

  describe('refusals', () => {
    it('a missing key, version, delete marker or bucket', async () => {
      expect((await failure(copy('missing', 'dst'))).code).toBe('NoSuchKey');
      bucket = await s.storage.buckets.setVersioning(bucket, 'Enabled');
      await put('k', 'data');
      expect((await failure(s.storage.objects.copy({ source: { bucket, key: 'k', versionId: newVersionId() }, bucket, key: 'dst' }))).code).toBe('NoSuchVersion');
      const marker = await s.storage.objects.delete(bucket, 'k');
      const latest = await failure(copy('k', 'dst'));
      expect(latest.code).toBe('NoSuchKey');
      expect(latest.constructor).toBe(GatewayError); // the copy's 404 does not describe the source's marker
      const named = await failure(s.storage.objects.copy({ source: { bucket, key: 'k', versionId: marker.versionId }, bucket, key: 'dst' }));
      expect({ code: named.code, message: named.message }).toEqual({
        code: 'InvalidRequest',
        message: 'The source of a copy request may not specifically refer to a delete marker by version id.',
      });
      const gone = { ...other, id: -1 };
      expect((await failure(s.storage.objects.copy({ source: { bucket, key: 'k', versionId: 'null' }, bucket: gone, key: 'dst' }))).code).toBe('NoSuchBucket');
    });

    it('a source over the copy limit (5 GiB in S3)', async () => {
      await put('big', 'x'.repeat(1024));
      await put('bigger', 'x'.repeat(1024));
      await f.t.db.knex('objects').where({ bucket_id: bucket.id, key: 'bigger' }).update({ size: 1025 });
      await copy('big', 'ok');
      const error = await failure(copy('bigger', 'no'));
      expect({ code: error.code, message: error.message }).toEqual({
        code: 'InvalidRequest',
        message: 'The specified copy source is larger than the maximum allowable size for a copy source: 1024',
      });
    });

    it('bad tags, metadata or key, before anything is written', async () => {
      await put('src', 'data');
      expect((await failure(copy('src', 'dst', { tags: { 'aws:x': '1' } }))).code).toBe('InvalidTag');
      expect((await failure(copy('src', 'dst', { metadata: { userMeta: { m: 'x'.repeat(3000) }, headers: {} } }))).code).toBe('MetadataTooLarge');
      expect((await failure(copy('src', 'a\u0000b'))).code).toBe('InvalidArgument');
      expect(await usage(bucket)).toEqual({ objectCount: 1, bytesUsed: 4 });
    });
  });

  describe('multipart sources', () => {
    it('the copy shares the part blobs; deleting the source cannot unlink what the copy reads', async () => {
      const source = await multipartObject('parts', ['first part,', ' second part']);
      const { object } = await s.storage.objects.copy({ source: { bucket, key: 'parts' }, bucket: other, key: 'copy' });
      expect(object).toMatchObject({ etag: source.etag, size: source.size, partCount: 2, blobId: undefined });
      expect(await repositories(f.t.db.knex).objects.parts(object.id)).toEqual(await repositories(f.t.db.knex).objects.parts(source.id));
      expect(await text('copy', other)).toBe('first part, second part');
      const blobs = await s.blobFiles();
      expect(blobs).toHaveLength(2);

      await s.storage.objects.delete(bucket, 'parts');
      expect((await f.t.db.knex('blob_gc').select('blob_id')).map((r) => r.blob_id).sort()).toEqual(blobs);
      expect(await s.storage.gc.drain()).toBe(0);
      expect(await s.blobFiles()).toEqual(blobs);
      expect(await text('copy', other)).toBe('first part, second part');
      const ranged = await s.storage.objects.get({ bucket: other, key: 'copy', range: { first: 5, last: 14 } });
      expect((await readAll(ranged.body)).toString()).toBe(' part, sec');

      await s.storage.objects.delete(other, 'copy');
      expect(await s.storage.gc.drain()).toBe(2);
      expect(await s.blobFiles()).toEqual([]);
    });

    it('a simple object: deleting the source, then the copy, unlinks the blob only at the end', async () => {
      const source = await put('src', 'shared');
      await copy('src', 'dst');
      await s.storage.objects.delete(bucket, 'src');
      expect(await s.storage.gc.drain()).toBe(0);
      expect(await text('dst')).toBe('shared');
      await s.storage.objects.delete(bucket, 'dst');
      expect(await s.storage.gc.drain()).toBe(1);
      expect(await s.blobFiles()).toEqual([]);
      expect(source.blobId).toBeDefined();
    });
  });
});
