import { repositories } from '@gw/metadata';
import { newHexId } from '../ids';
import { openStorageFixture, StorageFixture } from '../testing';
import { EXPIRED_IDENTITY_GRACE_MS } from './expired-identity-collector';

const NOW = new Date('2030-06-01T12:00:00Z');
const MINUTE = 60_000;
/** A moment `minutes` before NOW (after it when negative). */
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * MINUTE);
const LONG_AGO = EXPIRED_IDENTITY_GRACE_MS / MINUTE + 60;

describe('ExpiredIdentityCollector', () => {
  let f: StorageFixture;
  let userId: string;
  beforeAll(async () => {
    f = await openStorageFixture();
    const account = await f.storage.accounts.create({ name: 'identities' });
    userId = (await repos().users.insert({ id: newHexId(), accountId: account.id, name: 'u', role: 'admin' })).id;
  });
  afterAll(() => f.close());

  const repos = () => repositories(f.t.db.knex);
  const token = async (expiresAt: Date, options: { parentJti?: string; revoked?: boolean; kind?: string } = {}) => {
    const jti = newHexId();
    await repos().tokens.insert({ jti, userId, kind: options.kind ?? 'auth', expiresAt, parentJti: options.parentJti });
    if (options.revoked) await repos().tokens.revoke(jti);
    return jti;
  };
  const temporaryKey = async (expiresAt: Date | undefined) => {
    const accessKey = newHexId().slice(0, 20).toUpperCase();
    await repos().credentials.insert({ accessKey, userId, secretEnc: 'sealed', ...(expiresAt && { kind: 'temporary' as const, expiresAt, tokenJti: newHexId() }) });
    return accessKey;
  };
  const tokensLeft = async (jtis: string[]) => (await Promise.all(jtis.map((jti) => repos().tokens.find(jti)))).map((row) => row !== undefined);
  const keysLeft = async (keys: string[]) => (await Promise.all(keys.map((key) => repos().credentials.find(key)))).map((row) => row !== undefined);
  /** Collects until nothing more goes, as the worker's job does. */
  const collectAll = async () => {
    const total = { tokens: 0, temporaryCredentials: 0 };
    for (;;) {
      const batch = await f.storage.expiredIdentities.collect({ batchSize: 100 }, NOW);
      total.tokens += batch.tokens;
      total.temporaryCredentials += batch.temporaryCredentials;
      if (batch.tokens === 0 && batch.temporaryCredentials === 0) return total;
    }
  };

  it('removes tokens expired for longer than the grace period, revoked or not, and keeps every other', async () => {
    const expired = await token(ago(LONG_AGO));
    const revokedExpired = await token(ago(LONG_AGO), { revoked: true });
    const inGrace = await token(ago(10));
    const live = await token(ago(-60));
    const revokedLive = await token(ago(-60), { revoked: true });
    await collectAll();
    expect(await tokensLeft([expired, revokedExpired, inGrace, live, revokedLive])).toEqual([false, false, true, true, true]);
    // Revocation is still in force on what is kept.
    expect((await repos().tokens.find(revokedLive))?.revokedAt).toBeDefined();
  });

  it('keeps an expired parent while a row issued from it remains, so revoking it still reaches that row', async () => {
    const parent = await token(ago(LONG_AGO));
    const liveChild = await token(ago(-600), { kind: 'sts', parentJti: parent });
    const grandparent = await token(ago(LONG_AGO + 60));
    const expiredChild = await token(ago(LONG_AGO), { parentJti: grandparent });
    await collectAll();
    expect(await tokensLeft([parent, liveChild, grandparent, expiredChild])).toEqual([true, true, false, false]);
    expect(await repos().tokens.revoke(parent)).toBe(true);
    expect((await repos().tokens.find(liveChild))?.revokedAt).toBeDefined();
  });

  it('takes leaves first: a parent whose children all expired goes in a later batch, never before them', async () => {
    const parent = await token(ago(LONG_AGO));
    const child = await token(ago(LONG_AGO), { parentJti: parent });
    const first = await f.storage.expiredIdentities.collect({ batchSize: 100 }, NOW);
    expect(first.tokens).toBe(1);
    expect(await tokensLeft([parent, child])).toEqual([true, false]);
    await f.storage.expiredIdentities.collect({ batchSize: 100 }, NOW);
    expect(await tokensLeft([parent])).toEqual([false]);
  });

  it('never removes the anchor of an existing application credential, expired or live', async () => {
    const anchorOf = async (name: string, expiresAt: Date) => {
      const anchorJti = await token(expiresAt, { kind: 'application_credential' });
      const account = (await repos().users.findById(userId))!.accountId;
      await repos().applicationCredentials.insert({ id: newHexId(), userId, accountId: account, name, secretHash: 'h', roles: ['admin'], unrestricted: false, expiresAt, anchorJti });
      return anchorJti;
    };
    const expiredAnchor = await anchorOf('expired', ago(LONG_AGO));
    const liveAnchor = await anchorOf('live', ago(-60));
    const orphanAnchor = await token(ago(LONG_AGO), { kind: 'application_credential', revoked: true });
    await collectAll();
    expect(await tokensLeft([expiredAnchor, liveAnchor, orphanAnchor])).toEqual([true, true, false]);
  });

  it('removes temporary S3 keys expired for longer than the grace period, never permanent ones', async () => {
    const expired = await temporaryKey(ago(LONG_AGO));
    const inGrace = await temporaryKey(ago(10));
    const live = await temporaryKey(ago(-60));
    const permanent = await temporaryKey(undefined);
    const collected = await collectAll();
    expect(collected.temporaryCredentials).toBe(1);
    expect(await keysLeft([expired, inGrace, live, permanent])).toEqual([false, true, true, true]);
  });

  it('stays within its batch size, longest expired first', async () => {
    const oldest = await token(ago(LONG_AGO + 30));
    const older = await token(ago(LONG_AGO + 20));
    const old = await token(ago(LONG_AGO + 10));
    const keys = [await temporaryKey(ago(LONG_AGO + 30)), await temporaryKey(ago(LONG_AGO + 20)), await temporaryKey(ago(LONG_AGO + 10))];
    const batch = await f.storage.expiredIdentities.collect({ batchSize: 2 }, NOW);
    expect(batch).toEqual({ tokens: 2, temporaryCredentials: 2 });
    expect(await tokensLeft([oldest, older, old])).toEqual([false, false, true]);
    expect(await keysLeft(keys)).toEqual([false, false, true]);
    await expect(f.storage.expiredIdentities.collect({ batchSize: 0 }, NOW)).rejects.toThrow('batchSize');
  });
});
