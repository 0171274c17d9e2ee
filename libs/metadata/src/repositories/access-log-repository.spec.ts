// The access-log queue's leases and the bucket configuration documents, on PGlite by default
// and on a Postgres server when DATABASE_URL is set.
import { createTestDatabase, TestDatabase } from '../testing';
import { repositories } from '.';

const hex = (n: number) => n.toString(16).padStart(32, '0');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('access log records and bucket documents', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await repositories(t.db.knex).accounts.insert({ id: hex(1), name: 'logged', displayName: 'Logged' });
  });
  afterAll(async () => t.cleanup());

  const entry = (line: string, targetPrefix = 'logs/') => ({ accountId: hex(1), targetBucket: 'target', targetPrefix, line });

  it('leases the oldest unclaimed records to one claimer at a time and deletes only what it still holds', async () => {
    const r = repositories(t.db.knex);
    for (const line of ['one', 'two', 'three']) await r.accessLogs.insert(entry(line));

    const first = await r.accessLogs.claim('a', 2, 60_000);
    expect(first.map((x) => x.line)).toEqual(['one', 'two']);
    expect(first[0]).toMatchObject({ accountId: hex(1), targetBucket: 'target', targetPrefix: 'logs/' });
    expect(first[0].createdAt).toBeInstanceOf(Date);
    const second = await r.accessLogs.claim('b', 10, 60_000);
    expect(second.map((x) => x.line)).toEqual(['three']);
    expect(await r.accessLogs.claim('c', 10, 60_000)).toEqual([]);

    // b's rows are not a's to delete.
    expect(await r.accessLogs.deleteClaimed('a', [...first, ...second].map((x) => x.id))).toBe(2);
    expect(await r.accessLogs.count()).toBe(1);
    expect(await r.accessLogs.deleteClaimed('b', second.map((x) => x.id))).toBe(1);
    expect(await r.accessLogs.count()).toBe(0);
  });

  it('gives records whose lease ran out to the next claimer; the late one deletes nothing', async () => {
    const r = repositories(t.db.knex);
    await r.accessLogs.insert(entry('slow'));
    const lost = await r.accessLogs.claim('dead-worker', 10, 1);
    expect(lost).toHaveLength(1);
    await sleep(20);
    const taken = await r.accessLogs.claim('next-worker', 10, 60_000);
    expect(taken.map((x) => x.id)).toEqual(lost.map((x) => x.id));
    expect(await r.accessLogs.deleteClaimed('dead-worker', lost.map((x) => x.id))).toBe(0);
    expect(await r.accessLogs.deleteClaimed('next-worker', taken.map((x) => x.id))).toBe(1);
  });

  it('stores, replaces and removes a bucket configuration document', async () => {
    const r = repositories(t.db.knex);
    const bucket = await r.buckets.insert({ accountId: hex(1), name: 'configured', region: 'kr-central-2' });
    expect(bucket).toMatchObject({ lifecycle: undefined, cors: undefined, logging: undefined });

    const rules = { rules: [{ id: 'r1', status: 'Enabled' }] };
    expect((await r.buckets.setDocument(bucket.id, 'lifecycle', rules))?.lifecycle).toEqual(rules);
    await r.buckets.setDocument(bucket.id, 'cors', { rules: [] });
    const found = await r.buckets.findByName(hex(1), 'configured');
    expect(found).toMatchObject({ lifecycle: rules, cors: { rules: [] }, logging: undefined });

    await r.buckets.setDocument(bucket.id, 'lifecycle', undefined);
    expect((await r.buckets.findById(bucket.id))?.lifecycle).toBeUndefined();
    expect(await r.buckets.setDocument(bucket.id + 1000, 'cors', {})).toBeUndefined();
  });
});
