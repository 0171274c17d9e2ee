import type { BucketRecord } from '@gw/metadata';
import { bodyOf, errorCodeOf, newAccount, openStorageFixture, StorageFixture } from '../testing';

describe('bucket default encryption', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());

  let bucket: BucketRecord;
  let seq = 0;
  beforeEach(async () => {
    const account = await newAccount(f.storage);
    bucket = await f.storage.buckets.create({ accountId: account, name: `sse-${++seq}` });
  });
  const reload = () => f.storage.buckets.get(bucket.accountId, bucket.name);

  it('has none until set: ServerSideEncryptionConfigurationNotFoundError (404)', async () => {
    expect(() => f.storage.buckets.getEncryption(bucket)).toThrow(expect.objectContaining({ code: 'ServerSideEncryptionConfigurationNotFoundError', status: 404 }));
  });

  it('is set on an empty bucket, read back, and removed', async () => {
    const updated = await f.storage.buckets.setEncryption(bucket, 'AES256');
    expect(updated.encryption).toBe('AES256');
    expect(f.storage.buckets.getEncryption(await reload())).toBe('AES256');
    const removed = await f.storage.buckets.deleteEncryption(updated);
    expect(removed.encryption).toBeUndefined();
    const fresh = await reload();
    expect(() => f.storage.buckets.getEncryption(fresh)).toThrow(expect.objectContaining({ code: 'ServerSideEncryptionConfigurationNotFoundError' }));
    // Removing none is not an error (S3 answers 204 either way).
    expect((await f.storage.buckets.deleteEncryption(removed)).encryption).toBeUndefined();
  });

  it('is refused with InvalidBucketState (409) once the bucket holds an object, a delete marker or an upload', async () => {
    await f.storage.objects.put({ bucket, key: 'a', body: bodyOf('x') });
    expect(await errorCodeOf(f.storage.buckets.setEncryption(bucket, 'AES256'))).toBe('InvalidBucketState');

    const versioned = await f.storage.buckets.setVersioning(await f.storage.buckets.create({ accountId: bucket.accountId, name: `sse-marker-${seq}` }), 'Enabled');
    await f.storage.objects.delete(versioned, 'gone'); // only a delete marker
    expect(await errorCodeOf(f.storage.buckets.setEncryption(versioned, 'AES256'))).toBe('InvalidBucketState');

    const uploading = await f.storage.buckets.create({ accountId: bucket.accountId, name: `sse-upload-${seq}` });
    await f.storage.multipart.create({ bucket: uploading, key: 'big' });
    expect(await errorCodeOf(f.storage.buckets.setEncryption(uploading, 'AES256'))).toBe('InvalidBucketState');
    expect((await f.storage.buckets.get(uploading.accountId, uploading.name)).encryption).toBeUndefined();
  });

  it('asking again for the encryption a full bucket already has is accepted; removing it is allowed when full', async () => {
    const encrypted = await f.storage.buckets.setEncryption(bucket, 'AES256');
    await f.storage.objects.put({ bucket: encrypted, key: 'a', body: bodyOf('x') });
    expect((await f.storage.buckets.setEncryption(encrypted, 'AES256')).encryption).toBe('AES256');
    const plain = await f.storage.buckets.deleteEncryption(encrypted);
    expect(await errorCodeOf(f.storage.buckets.setEncryption(plain, 'AES256'))).toBe('InvalidBucketState');
  });

  it('is NoSuchBucket for a bucket deleted meanwhile', async () => {
    await f.storage.buckets.delete(bucket.accountId, bucket.name);
    expect(await errorCodeOf(f.storage.buckets.setEncryption(bucket, 'AES256'))).toBe('NoSuchBucket');
    expect(await errorCodeOf(f.storage.buckets.deleteEncryption(bucket))).toBe('NoSuchBucket');
  });
});

