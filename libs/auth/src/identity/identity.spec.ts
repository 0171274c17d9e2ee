import { readFileSync } from 'node:fs';
import { AccountService, createStorage, DEFAULT_LIMITS, GatewayError } from '@gw/core';
import { FsBlobStore } from '@gw/blob';
import { createTestDatabase, TestDatabase } from '@gw/metadata/testing';
import { repositories } from '@gw/metadata';
import { openIdentity } from '../open-identity';
import { bootstrapIdentity } from './bootstrap';
import type { IdentityService } from './identity-service';

describe('identity service and first-start bootstrap', () => {
  let t: TestDatabase;
  let accounts: AccountService;
  let identity: IdentityService;
  const settings = { accountName: 'default', userName: 'admin' };

  beforeAll(async () => {
    t = await createTestDatabase();
    accounts = createStorage({ db: t.db, blobs: await FsBlobStore.open(`${t.dir}/blobs`), region: 'kr-central-2', limits: DEFAULT_LIMITS }).accounts;
    identity = openIdentity(t.db, { masterKeyFile: `${t.dir}/master.key` });
  });
  afterAll(() => t.cleanup());

  it('creates the root account, admin, credential and API key once, with secrets shown once', async () => {
    const first = await bootstrapIdentity(accounts, identity, settings);
    expect(first.firstStart).toBe(true);
    expect(first.user.role).toBe('admin');
    expect(first.secretKey).toHaveLength(40);
    expect(first.accessKey).toMatch(/^[A-Z0-9]{20}$/);
    const resolved = await identity.resolveAccessKey(first.accessKey);
    expect(resolved.secretKey).toBe(first.secretKey);
    expect(resolved.principal).toMatchObject({ accountId: first.account.id, userName: 'admin', role: 'admin' });
    expect((await identity.resolveApiKey(first.apiKey!)).userId).toBe(first.user.id);
    expect(await identity.checkPassword(first.user, first.password!)).toBe(true);

    const second = await bootstrapIdentity(accounts, identity, settings);
    expect(second.firstStart).toBe(false);
    expect(second.accessKey).toBe(first.accessKey);
    expect(second.secretKey).toBeUndefined();
  });

  it('re-applies a fixed key pair from the environment on a later start', async () => {
    const fixed = { ...settings, accessKey: 'FIXEDACCESSKEY000001', secretKey: 'fixed-secret-0123456789' };
    const boot = await bootstrapIdentity(accounts, identity, fixed);
    expect(boot.accessKey).toBe('FIXEDACCESSKEY000001');
    expect((await identity.resolveAccessKey('FIXEDACCESSKEY000001')).secretKey).toBe('fixed-secret-0123456789');
    await bootstrapIdentity(accounts, identity, { ...fixed, secretKey: 'rotated-secret-0123456789' });
    expect((await identity.resolveAccessKey('FIXEDACCESSKEY000001')).secretKey).toBe('rotated-secret-0123456789');
  });

  it('never stores a secret, an API key or a password in clear', async () => {
    const account = await accounts.create({ name: 'clear-check' });
    const user = await identity.createUser({ accountId: account.id, name: 'bob', role: 'member', password: 'correct horse battery' });
    const { credential, secretKey } = await identity.createCredential({ userId: user.id });
    const { key } = await identity.createApiKey({ userId: user.id, name: 'ci' });
    const dump = JSON.stringify(await t.db.knex.raw('SELECT * FROM credentials, api_keys, users'));
    expect(dump).not.toContain(secretKey);
    expect(dump).not.toContain(key);
    expect(dump).not.toContain('correct horse battery');
    expect(credential.secretEnc.startsWith('v1.')).toBe(true);
    expect(readFileSync(`${t.dir}/master.key`, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses disabled keys, users and accounts', async () => {
    const account = await accounts.create({ name: 'disabling' });
    const user = await identity.createUser({ accountId: account.id, name: 'carol', role: 'reader' });
    const { credential } = await identity.createCredential({ userId: user.id });
    await identity.setCredentialStatus(credential.accessKey, 'disabled');
    await expect(identity.resolveAccessKey(credential.accessKey)).rejects.toMatchObject({ code: 'InvalidAccessKeyId' });
    await identity.setCredentialStatus(credential.accessKey, 'active');
    await identity.setUserStatus(user.id, 'disabled');
    await expect(identity.resolveAccessKey(credential.accessKey)).rejects.toMatchObject({ code: 'AccessDenied' });
    await identity.setUserStatus(user.id, 'active');
    await accounts.setStatus(account.id, 'disabled');
    await expect(identity.resolveAccessKey(credential.accessKey)).rejects.toMatchObject({ code: 'AccountProblem' });
  });

  it('validates names, roles and passwords, and deletes what it is asked to', async () => {
    const account = await accounts.create({ name: 'validation' });
    const bad = (p: Promise<unknown>) => expect(p).rejects.toBeInstanceOf(GatewayError);
    await bad(identity.createUser({ accountId: account.id, name: 'a b', role: 'member' }));
    await bad(identity.createUser({ accountId: account.id, name: 'ok', role: 'root' as never }));
    await bad(identity.createUser({ accountId: account.id, name: 'ok', role: 'member', password: 'short' }));
    await bad(identity.createUser({ accountId: account.id, name: '0123456789abcdef0123456789abcdef', role: 'member' }));
    const user = await identity.createUser({ accountId: account.id, name: 'dave', role: 'member' });
    await expect(identity.createUser({ accountId: account.id, name: 'dave', role: 'member' })).rejects.toMatchObject({ code: 'Conflict' });
    const { credential } = await identity.createCredential({ userId: user.id });
    await identity.deleteCredential(credential.accessKey);
    await expect(identity.deleteCredential(credential.accessKey)).rejects.toMatchObject({ code: 'NoSuchCredential' });
    await identity.deleteUser(user.id);
    expect(await repositories(t.db.knex).users.findById(user.id)).toBeUndefined();
  });
});
