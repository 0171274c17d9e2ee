import { newAccount, openStorageFixture, readAll, StorageFixture } from '@gw/core/testing';
import { accessLogDeliveryJob, deliverAccessLogs, logObjectKey } from './access-log-delivery';

describe('access log delivery', () => {
  let f: StorageFixture;
  beforeAll(async () => (f = await openStorageFixture()));
  afterAll(() => f.close());

  let seq = 0;
  /** A logged bucket and its target, in a new account. */
  async function loggedBucket(targetPrefix = 'logs/') {
    const accountId = await newAccount(f.storage);
    const target = await f.storage.buckets.create({ accountId, name: `target-${++seq}` });
    const source = await f.storage.buckets.create({ accountId, name: `source-${seq}` });
    await f.storage.bucketConfig.putLogging(source, { targetBucket: target.name, targetPrefix });
    return { accountId, target, source: await f.storage.buckets.get(accountId, source.name) };
  }
  const keysOf = async (accountId: string, bucket: string) => {
    const listed = await f.storage.objects.list({ bucket: await f.storage.buckets.get(accountId, bucket), maxKeys: 1000 });
    return listed.objects.map((o) => o.key);
  };
  const contentOf = async (accountId: string, bucket: string, key: string) =>
    (await readAll((await f.storage.objects.get({ bucket: await f.storage.buckets.get(accountId, bucket), key })).body)).toString();

  it('names log objects <prefix><YYYY-mm-DD-HH-MM-SS>-<16 hex>', () => {
    expect(logObjectKey('logs/', new Date('2026-11-22T01:02:03.456Z'))).toMatch(/^logs\/2026-11-22-01-02-03-[0-9A-F]{16}$/);
    expect(logObjectKey('', new Date('2026-01-01T00:00:00Z'))).toMatch(/^2026-01-01-00-00-00-[0-9A-F]{16}$/);
  });

  it('writes the lines of each target as one object in order, then forgets them', async () => {
    const a = await loggedBucket('logs/');
    const b = await loggedBucket('');
    for (const line of ['a1', 'a2', 'a3']) await f.storage.accessLogs.record(a.source, line);
    await f.storage.accessLogs.record(b.source, 'b1');

    // Two lines per batch: target a's lines arrive in two batches, so two objects.
    const result = await deliverAccessLogs(f.storage, { batchSize: 2 });
    expect(result).toEqual({ delivered: 4, objects: 3, dropped: 0 });
    expect(await f.storage.accessLogs.pending()).toBe(0);

    const aKeys = await keysOf(a.accountId, a.target.name);
    expect(aKeys).toHaveLength(2);
    for (const key of aKeys) expect(key).toMatch(/^logs\/\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d-[0-9A-F]{16}$/);
    const aContent = (await Promise.all(aKeys.map((key) => contentOf(a.accountId, a.target.name, key)))).sort();
    expect(aContent).toEqual(['a1\na2\n', 'a3\n']);
    const [bKey] = await keysOf(b.accountId, b.target.name);
    expect(await contentOf(b.accountId, b.target.name, bKey)).toBe('b1\n');
    const head = await f.storage.objects.head({ bucket: await f.storage.buckets.get(b.accountId, b.target.name), key: bKey });
    expect(head.object).toMatchObject({ contentType: 'text/plain', ownerUserId: b.target.ownerUserId });

    expect(await deliverAccessLogs(f.storage)).toEqual({ delivered: 0, objects: 0, dropped: 0 });
  });

  it('drops the lines of a target bucket that is gone', async () => {
    const { accountId, target, source } = await loggedBucket();
    await f.storage.accessLogs.record(source, 'orphan');
    await f.storage.buckets.delete(accountId, target.name);
    expect(await deliverAccessLogs(f.storage)).toEqual({ delivered: 0, objects: 0, dropped: 1 });
    expect(await f.storage.accessLogs.pending()).toBe(0);
  });

  it('leaves lines another worker holds', async () => {
    const { accountId, target, source } = await loggedBucket();
    await f.storage.accessLogs.record(source, 'held');
    const held = await f.storage.accessLogs.claim(100, 60_000);
    expect(await deliverAccessLogs(f.storage)).toEqual({ delivered: 0, objects: 0, dropped: 0 });
    expect(await keysOf(accountId, target.name)).toEqual([]);
    await f.storage.accessLogs.complete(held, held.records.map((r) => r.id));
  });

  it('runs as the access-log-delivery job', async () => {
    const { accountId, target, source } = await loggedBucket();
    await f.storage.accessLogs.record(source, 'by the job');
    const job = accessLogDeliveryJob(f.storage, { intervalMs: 60_000 });
    expect(job).toMatchObject({ name: 'access-log-delivery', intervalMs: 60_000 });
    expect(await job.run()).toEqual({ delivered: 1, objects: 1, dropped: 0 });
    expect(await keysOf(accountId, target.name)).toHaveLength(1);
  });
});
