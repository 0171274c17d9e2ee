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
    const worker = createLifecycleWorker({ storage: f.storage, logger, gcIntervalMs: 60_000, sweepGraceMs: 3_600_000 });
    await worker.runAllOnce();

    expect(await f.blobFiles()).toHaveLength(1);
    expect(logger.error).not.toHaveBeenCalled();
    expect(logger.info).toHaveBeenCalledWith(expect.objectContaining({ job: 'blob-gc-drain', unlinked: 2 }), 'job done');
    const { body } = await f.storage.objects.get({ bucket, key: 'k' });
    let text = '';
    for await (const chunk of body) text += chunk;
    expect(text).toBe('second');
  });
});
