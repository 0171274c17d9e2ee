import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { openTokens } from '../open-identity';
import { openTestWorld, TestWorld } from '../testing/test-world';
import { TokenError, TokenFailure } from './token-error';
import { TOKEN_KINDS } from './token-kinds';
import { TokenService } from './token-service';

const refusal = async (promise: Promise<unknown>): Promise<{ reason: TokenFailure; code: string }> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TokenError)) throw new Error(`expected a TokenError, got ${String(error)}`);
  return { reason: error.reason, code: error.code };
};

describe('TokenService', () => {
  let world: TestWorld;
  let tokens: TokenService;
  const auth = TOKEN_KINDS.authToken;

  beforeAll(async () => {
    world = await openTestWorld({ accountName: 'tokens' });
    tokens = world.tokens;
  });
  afterAll(() => world.close());

  it('issues an HS256 JWT whose claims and row say who, what kind and until when', async () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const issued = await tokens.issue({ userId: world.userId, kind: auth, ttlSeconds: 3600, claims: { akid: 'ASIAEXAMPLE' } }, now);
    expect(decodeProtectedHeader(issued.token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodeJwt(issued.token)).toMatchObject({ sub: world.userId, jti: issued.jti, kind: auth, akid: 'ASIAEXAMPLE', iat: 1893456000, exp: 1893459600 });
    expect(issued.expiresAt.toISOString()).toBe('2030-01-01T01:00:00.000Z');

    const verified = await tokens.verify(issued.token, { kind: auth }, new Date('2030-01-01T00:59:59Z'));
    expect(verified).toMatchObject({ jti: issued.jti, userId: world.userId, kind: auth, claims: { akid: 'ASIAEXAMPLE' } });
    expect(verified.expiresAt).toEqual(issued.expiresAt);
  });

  it('refuses an expired token as ExpiredToken', async () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const { token } = await tokens.issue({ userId: world.userId, kind: auth, ttlSeconds: 60 }, now);
    expect(await refusal(tokens.verify(token, {}, new Date('2030-01-01T00:01:00Z')))).toEqual({ reason: 'expired', code: 'ExpiredToken' });
  });

  it('still refuses an expired token once the cleanup removed its row (and one without its row before expiry too)', async () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const expired = await tokens.issue({ userId: world.userId, kind: auth, ttlSeconds: 60 }, now);
    const live = await tokens.issue({ userId: world.userId, kind: auth, ttlSeconds: 3600 }, now);
    await world.t.db.knex('tokens').whereIn('jti', [expired.jti, live.jti]).delete();
    const later = new Date('2030-01-01T00:30:00Z');
    expect(await refusal(tokens.verify(expired.token, {}, later))).toEqual({ reason: 'expired', code: 'ExpiredToken' });
    expect(await refusal(tokens.verify(live.token, {}, later))).toEqual({ reason: 'revoked', code: 'InvalidToken' });
    expect(await tokens.revoke(expired.jti)).toBe(false);
  });

  it('refuses a token with a changed payload or signed with another key as a bad signature', async () => {
    const { token } = await tokens.issue({ userId: world.userId, kind: auth, ttlSeconds: 60 });
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...decodeJwt(token), sub: 'f'.repeat(32) })).toString('base64url');
    expect(await refusal(tokens.verify(`${header}.${forged}.${signature}`))).toEqual({ reason: 'signature', code: 'InvalidToken' });
    expect((await refusal(tokens.verify(`${header}.${payload}.${signature.slice(0, -2)}AA`))).reason).toBe('signature');

    const other = new TokenService(world.t.db, Buffer.alloc(32, 7));
    const foreign = await other.issue({ userId: world.userId, kind: auth, ttlSeconds: 60 });
    expect((await refusal(tokens.verify(foreign.token))).reason).toBe('signature');
  });

  it('refuses what is not one of its JWTs as malformed', async () => {
    for (const garbage of ['', 'not-a-jwt', 'a.b.c', 'x'.repeat(300)]) {
      expect(await refusal(tokens.verify(garbage))).toEqual({ reason: 'malformed', code: 'InvalidToken' });
    }
    // Signed with the right key but not by the service: no jti, another issuer, `alg: none`.
    const key = Buffer.alloc(32, 1);
    const service = new TokenService(world.t.db, key);
    const noJti = await new SignJWT({ kind: auth }).setProtectedHeader({ alg: 'HS256' }).setIssuer('kos-gateway').setSubject(world.userId).setIssuedAt().setExpirationTime('1h').sign(key);
    expect((await refusal(service.verify(noJti))).reason).toBe('malformed');
    const otherIssuer = await new SignJWT({ kind: auth }).setProtectedHeader({ alg: 'HS256' }).setIssuer('someone').setSubject(world.userId).setJti('j').setIssuedAt().setExpirationTime('1h').sign(key);
    expect((await refusal(service.verify(otherIssuer))).reason).toBe('malformed');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: world.userId, jti: 'j', kind: auth })).toString('base64url')}.`;
    expect((await refusal(service.verify(unsigned))).reason).toBe('malformed');
  });

  it('refuses a token of another kind than the one asked for', async () => {
    const { token } = await tokens.issue({ userId: world.userId, kind: TOKEN_KINDS.stsSession, ttlSeconds: 60 });
    expect((await refusal(tokens.verify(token, { kind: auth }))).reason).toBe('kind');
    await expect(tokens.verify(token, { kind: TOKEN_KINDS.stsSession })).resolves.toMatchObject({ kind: 'sts' });
  });

  it('revokes a token and, with it, every token issued from it; a genuine token without its row is refused', async () => {
    const parent = await tokens.issue({ userId: world.userId, kind: auth, ttlSeconds: 600 });
    const child = await tokens.issue({ userId: world.userId, kind: TOKEN_KINDS.stsSession, ttlSeconds: 600, parentJti: parent.jti });
    const grandchild = await tokens.issue({ userId: world.userId, kind: 'other', ttlSeconds: 600, parentJti: child.jti });
    const sibling = await tokens.issue({ userId: world.userId, kind: auth, ttlSeconds: 600 });
    expect((await tokens.verify(child.token)).parentJti).toBe(parent.jti);

    expect(await tokens.revoke(parent.jti)).toBe(true);
    expect(await tokens.revoke(parent.jti)).toBe(false);
    for (const token of [parent, child, grandchild]) expect(await refusal(tokens.verify(token.token))).toEqual({ reason: 'revoked', code: 'InvalidToken' });
    await expect(tokens.verify(sibling.token)).resolves.toMatchObject({ jti: sibling.jti });

    // Revoking a child leaves its parent alone.
    const p2 = await tokens.issue({ userId: world.userId, kind: auth, ttlSeconds: 600 });
    const c2 = await tokens.issue({ userId: world.userId, kind: 'sts', ttlSeconds: 600, parentJti: p2.jti });
    expect(await tokens.revoke(c2.jti)).toBe(true);
    await expect(tokens.verify(p2.token)).resolves.toBeDefined();

    await world.t.db.knex('tokens').where({ jti: sibling.jti }).delete();
    expect((await refusal(tokens.verify(sibling.token))).reason).toBe('revoked');
  });

  it('refuses to issue tokens that would not make sense', async () => {
    await expect(tokens.issue({ userId: world.userId, kind: auth, ttlSeconds: 0 })).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(tokens.issue({ userId: world.userId, kind: auth, ttlSeconds: 1.5 })).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(tokens.issue({ userId: world.userId, kind: auth, ttlSeconds: 60, claims: { sub: 'x' } })).rejects.toThrow(/set by the token service/);
    expect(() => new TokenService(world.t.db, Buffer.alloc(16))).toThrow(/32 bytes/);
  });

  it('openTokens generates the signing key once into a private file and signs with it across restarts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-tk-'));
    try {
      const file = path.join(dir, 'sub', 'token-signing.key');
      const first = openTokens(world.t.db, { tokenKeyFile: file });
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const { token } = await first.issue({ userId: world.userId, kind: 'auth', ttlSeconds: 60 });
      await expect(openTokens(world.t.db, { tokenKeyFile: file }).verify(token)).resolves.toMatchObject({ userId: world.userId });
      await expect(tokens.verify(token)).rejects.toMatchObject({ reason: 'signature' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('openTokens derives the key from MASTER_KEY when given, so replicas without a shared data dir agree', async () => {
    const masterKey = Buffer.alloc(32, 9);
    const a = openTokens(world.t.db, { masterKey, tokenKeyFile: path.join(world.t.dir, 'a', 'never-written.key') });
    const b = openTokens(world.t.db, { masterKey, tokenKeyFile: path.join(world.t.dir, 'b', 'never-written.key') });
    const { token } = await a.issue({ userId: world.userId, kind: 'auth', ttlSeconds: 60 });
    await expect(b.verify(token)).resolves.toMatchObject({ userId: world.userId });
    expect(() => statSync(path.join(world.t.dir, 'a', 'never-written.key'))).toThrow();
    const other = openTokens(world.t.db, { masterKey: Buffer.alloc(32, 8), tokenKeyFile: path.join(world.t.dir, 'c.key') });
    await expect(other.verify(token)).rejects.toMatchObject({ reason: 'signature' });
  });
});
