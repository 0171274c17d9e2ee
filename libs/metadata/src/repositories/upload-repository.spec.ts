// Contract of the upload repository on PGlite (and on Postgres when DATABASE_URL is set).
import { createTestDatabase, TestDatabase } from '../testing';
import { repositories } from '.';

const hex = (n: number) => n.toString(16).padStart(32, '0');

describe('UploadRepository', () => {
  let t: TestDatabase;
  let bucketId: number;
  beforeAll(async () => {
    t = await createTestDatabase();
    const r = repositories(t.db.knex);
    await r.accounts.insert({ id: hex(1), name: 'acme', displayName: 'Acme' });
    bucketId = (await r.buckets.insert({ accountId: hex(1), name: 'uploads', region: 'kr-central-2' })).id;
  });
  afterAll(async () => t.cleanup());

  const upload = (uploadId: string, key: string) => ({ uploadId, bucketId, key, userMeta: { a: '1' }, headers: {}, tags: {} });

  it('stores uploads and parts, replaces a part by number, and drops the parts with the upload', async () => {
    const r = repositories(t.db.knex).uploads;
    const stored = await r.insert({ ...upload(hex(10), 'k'), checksumAlgorithm: 'crc32', acl: [{ grantee: { type: 'group', group: 'AllUsers' }, permission: 'READ' }] });
    expect(stored).toMatchObject({ uploadId: hex(10), bucketId, key: 'k', userMeta: { a: '1' }, checksumAlgorithm: 'crc32' });
    expect(stored.initiatedAt).toBeInstanceOf(Date);
    expect((await r.find(hex(10)))?.acl).toHaveLength(1);

    await r.putPart({ uploadId: hex(10), partNumber: 2, blobId: 'b2', size: 5_000_000_000, etag: 'e2', checksums: {} });
    await r.putPart({ uploadId: hex(10), partNumber: 1, blobId: 'b1', size: 1, etag: 'e1', checksums: { crc32: 'AAAAAA==' } });
    const replaced = await r.putPart({ uploadId: hex(10), partNumber: 1, blobId: 'b1-again', size: 2, etag: 'e1b', checksums: {} });
    expect(replaced).toMatchObject({ partNumber: 1, blobId: 'b1-again', size: 2, checksums: {} });
    expect((await r.allParts(hex(10))).map((p) => [p.partNumber, p.blobId, p.size])).toEqual([[1, 'b1-again', 2], [2, 'b2', 5_000_000_000]]);
    expect((await r.listParts(hex(10), 1, 10)).map((p) => p.partNumber)).toEqual([2]);
    expect((await r.findPart(hex(10), 2))?.etag).toBe('e2');

    await r.delete(hex(10));
    expect(await r.find(hex(10))).toBeUndefined();
    expect(await r.allParts(hex(10))).toEqual([]);
  });

  it('lists by key bytes, then upload id, and resumes after a (key, upload id) pair', async () => {
    const r = repositories(t.db.knex).uploads;
    for (const [id, key] of [[hex(0x21), 'b'], [hex(0x22), 'a'], [hex(0x20), 'b'], [hex(0x23), '\u00e9'], [hex(0x24), 'Z']] as const) {
      await r.insert(upload(id, key));
    }
    const ids = async (query: Parameters<typeof r.list>[1]) => (await r.list(bucketId, query)).map((u) => [u.key, u.uploadId.slice(-2)]);
    expect(await ids({ limit: 10 })).toEqual([['Z', '24'], ['a', '22'], ['b', '20'], ['b', '21'], ['\u00e9', '23']]);
    expect(await ids({ from: { key: 'b', uploadId: hex(0x20) }, limit: 10 })).toEqual([['b', '21'], ['\u00e9', '23']]);
    expect(await ids({ from: { key: 'b' }, limit: 10 })).toEqual([['\u00e9', '23']]);
    expect(await ids({ from: { key: 'b', inclusive: true }, before: '\u00e9', limit: 1 })).toEqual([['b', '20']]);
    expect(await ids({ prefix: 'a', limit: 10 })).toEqual([['a', '22']]);
  });
});
