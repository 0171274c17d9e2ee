import { GatewayError } from '../errors';
import { bodyOf, newAccount, openStorageFixture, StorageFixture } from '../testing';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof GatewayError) return error.code;
  throw new Error(`expected a GatewayError, got ${String(error)}`);
}

describe('BucketService', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());

  it('creates a bucket in the configured region with empty counters', async () => {
    const account = await newAccount(f.storage);
    const bucket = await f.storage.buckets.create({ accountId: account, name: 'photos' });
    expect(bucket).toMatchObject({
      accountId: account,
      name: 'photos',
      region: 'kr-central-2',
      versioning: 'Unversioned',
      objectCount: 0,
      bytesUsed: 0,
    });
    expect(typeof bucket.id).toBe('number');
    expect(await f.storage.buckets.get(account, 'photos')).toEqual(bucket);
  });

  it('refuses an invalid name before touching the store', async () => {
    const account = await newAccount(f.storage);
    expect(await codeOf(f.storage.buckets.create({ accountId: account, name: 'Bad_Name' }))).toBe('InvalidBucketName');
    expect(await f.storage.buckets.list(account)).toEqual([]);
  });

  it('answers BucketAlreadyOwnedByYou (409) for a second create in the same account', async () => {
    const account = await newAccount(f.storage);
    const first = await f.storage.buckets.create({ accountId: account, name: 'twice' });
    const error = await f.storage.buckets.create({ accountId: account, name: 'twice' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ code: 'BucketAlreadyOwnedByYou', status: 409, details: { BucketName: 'twice' } });
    expect(await f.storage.buckets.list(account)).toEqual([first]);
  });

  it('lets two accounts own buckets of the same name, each seeing only its own', async () => {
    const a = await newAccount(f.storage);
    const b = await newAccount(f.storage);
    const inA = await f.storage.buckets.create({ accountId: a, name: 'shared-name' });
    const inB = await f.storage.buckets.create({ accountId: b, name: 'shared-name' });
    expect(inA.id).not.toBe(inB.id);
    expect((await f.storage.buckets.get(a, 'shared-name')).id).toBe(inA.id);
    expect((await f.storage.buckets.get(b, 'shared-name')).id).toBe(inB.id);
    expect((await f.storage.buckets.list(a)).map((x) => x.id)).toEqual([inA.id]);
  });

  it('finds a bucket by name alone only when exactly one account has one', async () => {
    const a = await newAccount(f.storage);
    const b = await newAccount(f.storage);
    const only = await f.storage.buckets.create({ accountId: a, name: 'unique-across-accounts' });
    expect((await f.storage.buckets.findUnique('unique-across-accounts'))?.id).toBe(only.id);
    await f.storage.buckets.create({ accountId: b, name: 'unique-across-accounts' });
    expect(await f.storage.buckets.findUnique('unique-across-accounts')).toBeUndefined();
    expect(await f.storage.buckets.findUnique('no-such-bucket-anywhere')).toBeUndefined();
  });

  it('lists an account\'s buckets by name in byte order', async () => {
    const account = await newAccount(f.storage);
    for (const name of ['zeta', 'alpha', 'a-b', 'a.b', 'a00', 'beta']) await f.storage.buckets.create({ accountId: account, name });
    expect((await f.storage.buckets.list(account)).map((b) => b.name)).toEqual(['a-b', 'a.b', 'a00', 'alpha', 'beta', 'zeta']);
  });

  it('answers NoSuchBucket for a missing bucket, also in another account', async () => {
    const a = await newAccount(f.storage);
    const b = await newAccount(f.storage);
    await f.storage.buckets.create({ accountId: a, name: 'mine' });
    expect(await codeOf(f.storage.buckets.get(a, 'nothing'))).toBe('NoSuchBucket');
    expect(await codeOf(f.storage.buckets.get(b, 'mine'))).toBe('NoSuchBucket');
    expect(await codeOf(f.storage.buckets.delete(b, 'mine'))).toBe('NoSuchBucket');
    expect((await f.storage.buckets.get(a, 'mine')).name).toBe('mine');
  });

  it('deletes an empty bucket, after which the name is free again', async () => {
    const account = await newAccount(f.storage);
    const first = await f.storage.buckets.create({ accountId: account, name: 'temp' });
    await f.storage.buckets.delete(account, 'temp');
    expect(await codeOf(f.storage.buckets.get(account, 'temp'))).toBe('NoSuchBucket');
    expect(await f.storage.buckets.list(account)).toEqual([]);
    const again = await f.storage.buckets.create({ accountId: account, name: 'temp' });
    expect(again.id).not.toBe(first.id);
  });

  it('refuses to delete a bucket holding an object (BucketNotEmpty, 409), and deletes it once emptied', async () => {
    const account = await newAccount(f.storage);
    const bucket = await f.storage.buckets.create({ accountId: account, name: 'full' });
    await f.storage.objects.put({ bucket, key: 'k', body: bodyOf('data') });
    const error = await f.storage.buckets.delete(account, 'full').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BucketNotEmpty', status: 409, details: { BucketName: 'full' } });
    expect((await f.storage.buckets.get(account, 'full')).objectCount).toBe(1);

    await f.storage.objects.delete(bucket, 'k');
    await f.storage.buckets.delete(account, 'full');
    expect(await codeOf(f.storage.buckets.get(account, 'full'))).toBe('NoSuchBucket');
  });
});
