import { newHexId } from '@gw/core';
import { openStorageFixture, StorageFixture, bodyOf } from '@gw/core/testing';
import { createLifecycleWorker } from './worker';

describe('lifecycle worker', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());

  it('collects the blobs that overwrites and deletes released', async () => {
    const account = await f.storage.accounts.create({ name: 'worker' });
    const bucket = await f.storage.buckets.create({ accountId: account.id, name: 'gc-bucket' });
    await f.storage.objects.put({ bucket, key: 'k', body: bodyOf('first') });
    await f.storage.objects.put({ bucket, key: 'k', body: bodyOf('second') });
    await f.storage.objects.put({ bucket, key: 'gone', body: bodyOf('x') });
    await f.storage.objects.delete(bucket, 'gone');
    expect(await f.blobFiles()).toHaveLength(3);

    const logger = { info: jest.fn(), error: jest.fn() };
    const worker = createLifecycleWorker({ storage: f.storage, logger, gcIntervalMs: 60_000, sweepGraceMs: 3_600_000, logDeliveryIntervalMs: 60_000 });
    await worker.runAllOnce();

    expect(await f.blobFiles()).toHaveLength(1);
    expect(logger.error).not.toHaveBeenCalled();
    expect(logger.info).toHaveBeenCalledWith(expect.objectContaining({ job: 'blob-gc-drain', unlinked: 2 }), 'job done');
    const { body } = await f.storage.objects.get({ bucket, key: 'k' });
    let text = '';
    for await (const chunk of body) text += chunk;
    expect(text).toBe('second');
  });

  it('removes objects whose X-Delete-At has passed, and their blobs in the same round', async () => {
    const account = await f.storage.accounts.create({ name: 'expiring' });
    const bucket = await f.storage.buckets.create({ accountId: account.id, name: 'expiry-bucket' });
    await f.storage.objects.put({ bucket, key: 'expired', body: bodyOf('old'), deleteAt: new Date(Date.now() - 1000) });
    await f.storage.objects.put({ bucket, key: 'kept', body: bodyOf('new'), deleteAt: new Date(Date.now() + 3_600_000) });
    const before = (await f.blobFiles()).length;

    const logger = { info: jest.fn(), error: jest.fn() };
    await createLifecycleWorker({ storage: f.storage, logger, gcIntervalMs: 60_000, sweepGraceMs: 3_600_000, logDeliveryIntervalMs: 60_000 }).runAllOnce();

    expect(logger.error).not.toHaveBeenCalled();
    expect(logger.info).toHaveBeenCalledWith(expect.objectContaining({ job: 'object-expiration', deleted: 1 }), 'job done');
    expect(await f.blobFiles()).toHaveLength(before - 1);
    expect((await f.storage.buckets.get(account.id, bucket.name)).objectCount).toBe(1);
  });

  it('delivers server access logs into their target bucket', async () => {
    const account = await f.storage.accounts.create({ name: 'logged' });
    const target = await f.storage.buckets.create({ accountId: account.id, name: 'log-target' });
    const source = await f.storage.buckets.create({ accountId: account.id, name: 'log-source' });
    await f.storage.bucketConfig.putLogging(source, { targetBucket: target.name, targetPrefix: 'access/' });
    await f.storage.accessLogs.record(await f.storage.buckets.get(account.id, source.name), 'one line');

    const logger = { info: jest.fn(), error: jest.fn() };
    await createLifecycleWorker({ storage: f.storage, logger, gcIntervalMs: 60_000, sweepGraceMs: 3_600_000, logDeliveryIntervalMs: 60_000 }).runAllOnce();

    expect(logger.error).not.toHaveBeenCalled();
    expect(logger.info).toHaveBeenCalledWith(expect.objectContaining({ job: 'access-log-delivery', delivered: 1, objects: 1 }), 'job done');
    const listed = await f.storage.objects.list({ bucket: target, maxKeys: 10 });
    expect(listed.objects.map((o) => o.key)).toEqual([expect.stringMatching(/^access\/\d{4}(-\d\d){5}-[0-9A-F]{16}$/)]);
  });

  it('removes tokens and temporary S3 keys expired for longer than the grace period, and nothing else', async () => {
    const account = await f.storage.accounts.create({ name: 'sessions' });
    const knex = f.t.db.knex;
    const userId = newHexId();
    await knex('users').insert({ id: userId, account_id: account.id, name: 'u', role: 'member' });
    const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000);
    const [gone, revokedLive, live] = [newHexId(), newHexId(), newHexId()];
    await knex('tokens').insert([
      { jti: gone, user_id: userId, kind: 'auth', expires_at: hoursFromNow(-3) },
      { jti: revokedLive, user_id: userId, kind: 'auth', expires_at: hoursFromNow(1), revoked_at: new Date() },
      { jti: live, user_id: userId, kind: 'sts', expires_at: hoursFromNow(1) },
    ]);
    await knex('credentials').insert([
      { access_key: 'TEMPGONE', user_id: userId, secret_enc: 'x', kind: 'temporary', expires_at: hoursFromNow(-3), token_jti: gone },
      { access_key: 'TEMPLIVE', user_id: userId, secret_enc: 'x', kind: 'temporary', expires_at: hoursFromNow(1), token_jti: live },
    ]);

    const logger = { info: jest.fn(), error: jest.fn() };
    await createLifecycleWorker({ storage: f.storage, logger, gcIntervalMs: 60_000, sweepGraceMs: 3_600_000, logDeliveryIntervalMs: 60_000 }).runAllOnce();

    expect(logger.error).not.toHaveBeenCalled();
    expect(logger.info).toHaveBeenCalledWith(expect.objectContaining({ job: 'expired-identity-cleanup', tokens: 1, temporaryCredentials: 1 }), 'job done');
    expect((await knex('tokens').where({ user_id: userId }).pluck('jti')).sort()).toEqual([revokedLive, live].sort());
    expect(await knex('credentials').where({ user_id: userId }).pluck('access_key')).toEqual(['TEMPLIVE']);
  });
});
