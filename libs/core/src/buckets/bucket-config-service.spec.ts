import { lifecycleOf } from './bucket-documents';
import { errorCodeOf, newAccount, openStorageFixture, StorageFixture } from '../testing';

describe('BucketConfigService and AccessLogService', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());

  let seq = 0;
  const newBucket = async (accountId?: string) => {
    const account = accountId ?? (await newAccount(f.storage));
    return f.storage.buckets.create({ accountId: account, name: `configured-${++seq}` });
  };

  it('stores lifecycle rules on the bucket, answers NoSuchLifecycleConfiguration without them, and deletes them', async () => {
    const bucket = await newBucket();
    const config = f.storage.bucketConfig;
    expect(() => config.getLifecycle(bucket)).toThrow(expect.objectContaining({ code: 'NoSuchLifecycleConfiguration' }));

    const stored = await config.putLifecycle(bucket, { rules: [{ id: '', status: 'Enabled', filter: { prefix: 'tmp/', form: 'prefix' }, expiration: { days: 1 } }] });
    expect(stored.rules[0].id).not.toBe('');
    const reread = await f.storage.buckets.get(bucket.accountId, bucket.name);
    expect(config.getLifecycle(reread)).toEqual(stored);
    expect(lifecycleOf(reread)).toEqual(stored);

    // A refused configuration leaves the stored one as it was.
    expect(await errorCodeOf(config.putLifecycle(reread, { rules: [] }))).toBe('MalformedXML');
    expect(lifecycleOf(await f.storage.buckets.get(bucket.accountId, bucket.name))).toEqual(stored);

    await config.deleteLifecycle(reread);
    const cleared = await f.storage.buckets.get(bucket.accountId, bucket.name);
    expect(() => config.getLifecycle(cleared)).toThrow(expect.objectContaining({ code: 'NoSuchLifecycleConfiguration' }));
  });

  it('stores CORS rules and answers NoSuchCORSConfiguration without them', async () => {
    const bucket = await newBucket();
    const config = f.storage.bucketConfig;
    expect(() => config.getCors(bucket)).toThrow(expect.objectContaining({ code: 'NoSuchCORSConfiguration' }));
    const rules = { rules: [{ allowedOrigins: ['*'], allowedMethods: ['GET' as const], allowedHeaders: [], exposeHeaders: [] }] };
    expect(await config.putCors(bucket, rules)).toEqual(rules);
    expect(config.getCors(await f.storage.buckets.get(bucket.accountId, bucket.name))).toEqual(rules);
    await config.deleteCors(bucket);
    expect((await f.storage.buckets.get(bucket.accountId, bucket.name)).cors).toBeUndefined();
  });

  it('logs only into a bucket of the same account', async () => {
    const bucket = await newBucket();
    const target = await newBucket(bucket.accountId);
    const elsewhere = await newBucket();
    const config = f.storage.bucketConfig;
    expect(config.getLogging(bucket)).toBeUndefined();
    expect(await errorCodeOf(config.putLogging(bucket, { targetBucket: elsewhere.name, targetPrefix: '' }))).toBe('InvalidTargetBucketForLogging');
    expect(await errorCodeOf(config.putLogging(bucket, { targetBucket: 'no-such-bucket', targetPrefix: '' }))).toBe('InvalidTargetBucketForLogging');
    expect(await errorCodeOf(config.putLogging(bucket, { targetBucket: target.name, targetPrefix: 'p'.repeat(1000) }))).toBe('KeyTooLongError');

    await config.putLogging(bucket, { targetBucket: target.name, targetPrefix: 'logs/' });
    const logged = await f.storage.buckets.get(bucket.accountId, bucket.name);
    expect(config.getLogging(logged)).toEqual({ targetBucket: target.name, targetPrefix: 'logs/' });
    await config.putLogging(logged, undefined);
    expect(config.getLogging(await f.storage.buckets.get(bucket.accountId, bucket.name))).toBeUndefined();
  });

  it('records access log lines only for logged buckets and hands them out in leased batches', async () => {
    const bucket = await newBucket();
    const target = await newBucket(bucket.accountId);
    const before = await f.storage.accessLogs.pending();
    await f.storage.accessLogs.record(bucket, 'not logged');
    expect(await f.storage.accessLogs.pending()).toBe(before);

    await f.storage.bucketConfig.putLogging(bucket, { targetBucket: target.name, targetPrefix: 'logs/' });
    const logged = await f.storage.buckets.get(bucket.accountId, bucket.name);
    await f.storage.accessLogs.record(logged, 'line 1');
    await f.storage.accessLogs.record(logged, 'line 2');
    const batch = await f.storage.accessLogs.claim(100, 60_000);
    const mine = batch.records.filter((r) => r.targetBucket === target.name);
    expect(mine.map((r) => [r.accountId, r.targetPrefix, r.line])).toEqual([
      [bucket.accountId, 'logs/', 'line 1'],
      [bucket.accountId, 'logs/', 'line 2'],
    ]);
    expect((await f.storage.accessLogs.claim(100, 60_000)).records).toEqual([]);
    expect(await f.storage.accessLogs.complete(batch, batch.records.map((r) => r.id))).toBe(batch.records.length);
    expect(await f.storage.accessLogs.pending()).toBe(0);
  });
});
