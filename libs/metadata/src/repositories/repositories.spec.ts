// Contract of the repositories: runs on PGlite by default and on a Postgres server when the
// suite is started with DATABASE_URL (.ci/run does both).
import { createTestDatabase, TestDatabase } from '../testing';
import { openDatabase } from '../database';
import { DataDirLockedError } from '../data-dir-lock';
import { repositories } from '.';
import { withTransaction } from '../transaction';

const hex = (n: number) => n.toString(16).padStart(32, '0');

describe('repositories', () => {
  let t: TestDatabase;
  beforeAll(async () => (t = await createTestDatabase()));
  afterAll(async () => t.cleanup());

  it('stores identities and normalises their types', async () => {
    const r = repositories(t.db.knex);
    const account = await r.accounts.insert({ id: hex(1), name: 'acme', displayName: 'Acme' });
    expect(account).toMatchObject({ id: hex(1), name: 'acme', status: 'active', meta: {} });
    expect(account.createdAt).toBeInstanceOf(Date);
    const user = await r.users.insert({ id: hex(2), accountId: account.id, name: 'alice', role: 'admin' });
    await r.credentials.insert({ accessKey: 'AK1', userId: user.id, secretEnc: 'enc' });
    expect((await r.credentials.listByAccount(account.id)).map((c) => c.accessKey)).toEqual(['AK1']);
    expect(await r.credentials.setStatus('AK1', 'disabled')).toBe(true);
    expect((await r.credentials.find('AK1'))?.status).toBe('disabled');
  });

  it('keeps bucket counters as numbers and lists keys in UTF-8 byte order', async () => {
    const r = repositories(t.db.knex);
    const bucket = await r.buckets.insert({ accountId: hex(1), name: 'b1', region: 'kr-central-2' });
    await r.buckets.adjustUsage(bucket.id, 2, 5_000_000_000);
    const again = await r.buckets.findById(bucket.id);
    expect(again).toMatchObject({ objectCount: 2, bytesUsed: 5_000_000_000 });

    // Byte order puts 'Z' < 'a' < 'é' (0xC3) < '中' (0xE4) < '😀' (0xF0), unlike UTF-16 order for the last two.
    const keys = ['a', 'Z', '\u00e9', '\uff5e', '\u{1F600}', 'a/b'];
    for (const key of keys) {
      await r.objects.insertLatest({
        bucketId: bucket.id, key, versionId: 'null', isDeleteMarker: false, size: 1, etag: 'e',
        userMeta: {}, headers: {}, checksums: {}, tags: {},
      });
    }
    const listed = (await r.objects.listLatest(bucket.id, { limit: 10 })).map((o) => o.key);
    expect(listed).toEqual([...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y))));
    const prefixed = await r.objects.listLatest(bucket.id, { prefix: 'a', limit: 10 });
    expect(prefixed.map((o) => o.key)).toEqual(['a', 'a/b']);
    expect(await r.buckets.hasContent(bucket.id)).toBe(true);
  });

  it('reports whether a delete removed a row', async () => {
    const r = repositories(t.db.knex);
    await r.accounts.insert({ id: hex(7), name: 'short-lived', displayName: 'x' });
    expect(await r.accounts.delete(hex(7))).toBe(true);
    expect(await r.accounts.delete(hex(7))).toBe(false);
  });

  it('rolls a transaction back as a whole', async () => {
    await expect(
      withTransaction(t.db.knex, async (trx) => {
        await repositories(trx).accounts.insert({ id: hex(9), name: 'rolled-back', displayName: 'x' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await repositories(t.db.knex).accounts.findByName('rolled-back')).toBeUndefined();
  });

  it('finds blob references wherever they are held', async () => {
    const r = repositories(t.db.knex);
    const bucket = await r.buckets.insert({ accountId: hex(1), name: 'b2', region: 'kr-central-2' });
    await r.objects.insertLatest({
      bucketId: bucket.id, key: 'k', versionId: 'null', isDeleteMarker: false, size: 1, etag: 'e',
      userMeta: {}, headers: {}, checksums: {}, tags: {}, blobId: 'blob-a',
    });
    expect([...(await r.blobs.referenced(['blob-a', 'blob-b']))]).toEqual(['blob-a']);
    await r.blobs.enqueueGarbage(['blob-b', 'blob-b']);
    const claimed = await withTransaction(t.db.knex, (trx) => repositories(trx).blobs.claimGarbage(10));
    expect(claimed).toEqual(['blob-b']);
  });
});

describe('embedded store lock', () => {
  it('refuses to open an embedded store another process holds', async () => {
    const t = await createTestDatabase();
    try {
      if (t.db.kind !== 'pglite') return;
      const dir = `${t.dir}/meta`;
      // The test database holds the lock in this process; a second open must be refused.
      const lockFile = `${dir}.lock`;
      require('node:fs').writeFileSync(lockFile, String(process.ppid));
      await expect(openDatabase({ embeddedDir: dir, poolMax: 1 })).rejects.toThrow(DataDirLockedError);
    } finally {
      await t.cleanup();
    }
  });
});
