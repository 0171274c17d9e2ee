import { BucketRecord } from '@gw/metadata';
import { GatewayError } from '../errors';
import { bodyOf, newAccount, openStorageFixture, rejectionOf, StorageFixture } from '../testing';
import { DeleteMarkerError } from './delete-marker-error';

describe('object tagging', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());

  let bucket: BucketRecord;
  let seq = 0;
  beforeEach(async () => {
    bucket = await f.storage.buckets.create({ accountId: await newAccount(f.storage), name: `tags-${++seq}` });
  });
  const codeOf = async (promise: Promise<unknown>) => {
    const error = await rejectionOf(promise);
    expect(error).toBeInstanceOf(GatewayError);
    return (error as GatewayError).code;
  };

  it('puts, gets and deletes the tag set of the latest version', async () => {
    const o = await f.storage.objects.put({ bucket, key: 'k', body: bodyOf('x'), tags: { a: '1' } });
    expect((await f.storage.objects.getTags({ bucket, key: 'k' })).tags).toEqual({ a: '1' });
    const tagged = await f.storage.objects.setTags({ bucket, key: 'k' }, { b: '2', c: '' });
    expect(tagged).toMatchObject({ id: o.id, tags: { b: '2', c: '' }, etag: o.etag });
    expect((await f.storage.objects.head({ bucket, key: 'k' })).object.tags).toEqual({ b: '2', c: '' });
    await f.storage.objects.setTags({ bucket, key: 'k' }, {});
    expect((await f.storage.objects.getTags({ bucket, key: 'k' })).tags).toEqual({});
  });

  it('addresses one version by its id, and never a delete marker', async () => {
    bucket = await f.storage.buckets.setVersioning(bucket, 'Enabled');
    const v1 = await f.storage.objects.put({ bucket, key: 'k', body: bodyOf('1') });
    await f.storage.objects.put({ bucket, key: 'k', body: bodyOf('2'), tags: { latest: 'yes' } });
    await f.storage.objects.setTags({ bucket, key: 'k', versionId: v1.versionId }, { old: 'yes' });
    expect((await f.storage.objects.getTags({ bucket, key: 'k', versionId: v1.versionId })).tags).toEqual({ old: 'yes' });
    expect((await f.storage.objects.getTags({ bucket, key: 'k' })).tags).toEqual({ latest: 'yes' });

    const marker = await f.storage.objects.delete(bucket, 'k');
    await expect(f.storage.objects.getTags({ bucket, key: 'k' })).rejects.toBeInstanceOf(DeleteMarkerError);
    expect(await codeOf(f.storage.objects.setTags({ bucket, key: 'k', versionId: marker.versionId }, { a: '1' }))).toBe('MethodNotAllowed');
    expect(await codeOf(f.storage.objects.setTags({ bucket, key: 'k' }, { a: '1' }))).toBe('NoSuchKey');
  });

  it('refuses a missing key or version and a tag set S3 would refuse', async () => {
    await f.storage.objects.put({ bucket, key: 'k', body: bodyOf('x') });
    expect(await codeOf(f.storage.objects.getTags({ bucket, key: 'missing' }))).toBe('NoSuchKey');
    expect(await codeOf(f.storage.objects.setTags({ bucket, key: 'missing' }, {}))).toBe('NoSuchKey');
    expect(await codeOf(f.storage.objects.getTags({ bucket, key: 'k', versionId: 'A'.repeat(32) }))).toBe('NoSuchVersion');
    expect(await codeOf(f.storage.objects.setTags({ bucket, key: 'k' }, { 'aws:x': '1' }))).toBe('InvalidTag');
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, '']));
    expect(await codeOf(f.storage.objects.setTags({ bucket, key: 'k' }, eleven))).toBe('BadRequest');
    expect(await codeOf(f.storage.objects.put({ bucket, key: 'new', body: bodyOf('x'), tags: eleven }))).toBe('BadRequest');
    expect(await f.t.db.knex('objects').where({ bucket_id: bucket.id, key: 'new' })).toHaveLength(0);
  });
});
