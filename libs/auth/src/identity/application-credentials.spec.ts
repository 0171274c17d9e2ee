import { GatewayError } from '@gw/core';
import { repositories } from '@gw/metadata';
import { openTestWorld, TestWorld } from '../testing/test-world';
import { StsService } from '../sts/sts-service';
import { TOKEN_KINDS } from '../tokens/token-kinds';
import { applicationCredentialIdOf } from './application-credentials';
import { principalOfToken } from './token-principal';
import { impliedRoles, lowerRole } from './roles';

const codeOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'resolved',
    (e: unknown) => (e instanceof GatewayError ? e.code : String(e)),
  );

describe('application credentials', () => {
  let world: TestWorld;
  beforeAll(async () => (world = await openTestWorld({ accountName: 'appcreds' })));
  afterAll(() => world.close());
  const creator = () => world.identity.principalOf(world.userId);
  const service = () => world.identity.applicationCredentials;

  it('orders roles as Keystone implies them', () => {
    expect(impliedRoles('member')).toEqual(['member', 'reader']);
    expect(lowerRole('admin', 'reader')).toBe('reader');
  });

  it('stores only a hash of the secret, generated when not given, and authenticates by id or by name', async () => {
    const { credential, secret } = await service().create(await creator(), { name: 'backup', description: 'nightly' });
    expect(secret.length).toBeGreaterThanOrEqual(80);
    expect(credential.secretHash).not.toContain(secret);
    expect(credential.roles).toEqual(['admin', 'member', 'reader']);
    const row = await world.t.db.knex('application_credentials').where({ id: credential.id }).first();
    expect(JSON.stringify(row)).not.toContain(secret);

    expect((await service().authenticate({ id: credential.id }, secret)).principal.role).toBe('admin');
    expect((await service().authenticate({ name: 'backup', userId: world.userId }, secret)).credential.id).toBe(credential.id);
    expect(await codeOf(service().authenticate({ id: credential.id }, 'wrong'))).toBe('Unauthorized');
    expect(await codeOf(service().authenticate({ id: 'not-an-id' }, secret))).toBe('Unauthorized');
    expect(await codeOf(service().create(await creator(), { name: 'backup' }))).toBe('Conflict');
  });

  it('caps the role of the tokens it issues, and revokes them when deleted', async () => {
    const { credential, secret } = await service().create(await creator(), { name: 'reader-app', roles: ['reader'], secret: 'given-secret' });
    const authenticated = await service().authenticate({ id: credential.id }, 'given-secret');
    expect(authenticated.principal.role).toBe('reader');
    const issued = await world.tokens.issue(service().tokenRequest(authenticated, TOKEN_KINDS.authToken, 3600));
    const verified = await world.tokens.verify(issued.token);
    expect(applicationCredentialIdOf(verified)).toBe(credential.id);
    expect((await principalOfToken(world.identity, verified)).role).toBe('reader');
    expect(secret).toBe('given-secret');

    // Nor can it mint S3 keys (which would carry the user's full role) through STS.
    const sts = new StsService(world.identity, world.tokens);
    await expect(sts.assumeRoleWithWebIdentity({ webIdentityToken: issued.token })).rejects.toMatchObject({ reason: 'kind' });

    const deletedAt = new Date();
    await service().delete(world.userId, credential.id, deletedAt);
    await expect(world.tokens.verify(issued.token)).rejects.toMatchObject({ reason: 'revoked' });
    // Its anchor, revoked, now expires (rather than in 9999), so the worker's cleanup can remove it.
    expect(await repositories(world.t.db.knex).tokens.find(credential.anchorJti)).toMatchObject({ revokedAt: expect.any(Date), expiresAt: deletedAt });
    expect(await codeOf(service().authenticate({ id: credential.id }, 'given-secret'))).toBe('Unauthorized');
    expect(await codeOf(service().delete(world.userId, credential.id))).toBe('NotFound');
  });

  it('refuses roles the creator lacks, past expiries; expired credentials do not authenticate; tokens never outlive them', async () => {
    const reader = { ...(await creator()), role: 'reader' as const };
    expect(await codeOf(service().create(reader, { name: 'escalate', roles: ['admin'] }))).toBe('NotFound');
    expect(await codeOf(service().create(reader, { name: 'bogus', roles: ['superuser'] }))).toBe('NotFound');
    expect(await codeOf(service().create(reader, { name: 'past', expiresAt: new Date(Date.now() - 1000) }))).toBe('BadRequest');
    expect(await codeOf(service().create(reader, { name: '' }))).toBe('BadRequest');

    const expiresAt = new Date(Date.now() + 60_000);
    const { credential, secret } = await service().create(reader, { name: 'short', expiresAt });
    const authenticated = await service().authenticate({ id: credential.id }, secret);
    expect(service().tokenRequest(authenticated, TOKEN_KINDS.authToken, 86400).ttlSeconds).toBeLessThanOrEqual(60);
    expect(await codeOf(service().authenticate({ id: credential.id }, secret, new Date(Date.now() + 120_000)))).toBe('Unauthorized');
  });

  it('lists a user\'s credentials, by name too, and hides others\' behind NotFound', async () => {
    const other = await world.identity.createUser({ accountId: world.accountId, name: 'other', role: 'member' });
    const mine = await service().list(world.userId);
    expect(mine.map((c) => c.name)).toEqual(expect.arrayContaining(['backup', 'short']));
    expect((await service().list(world.userId, 'backup')).map((c) => c.name)).toEqual(['backup']);
    expect(await service().list(other.id)).toEqual([]);
    expect(await codeOf(service().get(other.id, mine[0].id))).toBe('NotFound');
    expect(await codeOf(service().delete(other.id, mine[0].id))).toBe('NotFound');
    // Deleting the user removes its credentials with it.
    await world.identity.deleteUser(world.userId);
    expect(await repositories(world.t.db.knex).applicationCredentials.listByUser(world.userId)).toEqual([]);
  });
});
