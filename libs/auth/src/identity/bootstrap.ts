import type { AccountRecord, UserRecord } from '@gw/metadata';
import type { AccountService } from '@gw/core';
import { generatePassword } from '../secrets/generate';
import type { IdentityService } from './identity-service';

export interface BootstrapSettings {
  accountName: string;
  userName: string;
  /** ROOT_ACCESS_KEY / ROOT_SECRET_KEY: fixed instead of generated, and re-applied on every start. */
  accessKey?: string;
  secretKey?: string;
  password?: string;
  apiKey?: string;
}

export interface BootstrapResult {
  /** True when the admin was just created (first start): the secrets below are new. */
  firstStart: boolean;
  account: AccountRecord;
  user: UserRecord;
  accessKey: string;
  /** Only known right after creation (or when given by the environment). */
  secretKey?: string;
  password?: string;
  apiKey?: string;
}

/**
 * Makes sure the root account and its admin user exist. When they are created (the first start
 * on an empty store, or after an operator removed them) the admin also gets one S3 credential
 * and one console API key, and the secrets come back so they can be printed once. On every
 * start the ROOT_* variables are re-applied: a fixed key pair, password or API key.
 */
export async function bootstrapIdentity(
  accounts: AccountService,
  identity: IdentityService,
  settings: BootstrapSettings,
): Promise<BootstrapResult> {
  const existing = (await accounts.list()).find((a) => a.name === settings.accountName);
  const account = existing ?? (await accounts.create({ name: settings.accountName }));
  const existingUser = (await identity.listUsers(account.id)).find((u) => u.name === settings.userName);
  if (!existingUser) return createAdmin(identity, account, settings);

  const user = existingUser;
  const owned = (await identity.listCredentials(account.id)).find((c) => c.userId === user.id && c.kind === 'permanent');
  let accessKey = owned?.accessKey ?? '';
  if (settings.accessKey && settings.secretKey) {
    accessKey = await applyFixedCredential(identity, user, settings.accessKey, settings.secretKey);
  }
  if (settings.password) await identity.setPassword(user.id, settings.password);
  if (settings.apiKey) await ensureApiKey(identity, user, settings.apiKey);
  return { firstStart: false, account, user, accessKey, secretKey: settings.secretKey, password: settings.password, apiKey: settings.apiKey };
}

async function createAdmin(identity: IdentityService, account: AccountRecord, settings: BootstrapSettings): Promise<BootstrapResult> {
  const password = settings.password ?? generatePassword();
  const user = await identity.createUser({ accountId: account.id, name: settings.userName, role: 'admin', password });
  const { credential, secretKey } = await identity.createCredential({
    userId: user.id,
    accessKey: settings.accessKey,
    secretKey: settings.secretKey,
  });
  const { key } = await identity.createApiKey({ userId: user.id, name: 'root', key: settings.apiKey });
  return { firstStart: true, account, user, accessKey: credential.accessKey, secretKey, password, apiKey: key };
}

/** Makes the environment's fixed key pair exist, belong to the root user and carry that secret. */
async function applyFixedCredential(identity: IdentityService, user: UserRecord, accessKey: string, secretKey: string): Promise<string> {
  const current = await identity.resolveAccessKey(accessKey).catch(() => undefined);
  if (current?.secretKey === secretKey && current.principal.userId === user.id) return accessKey;
  await identity.deleteCredential(accessKey).catch(() => undefined);
  await identity.createCredential({ userId: user.id, accessKey, secretKey });
  return accessKey;
}

async function ensureApiKey(identity: IdentityService, user: UserRecord, key: string): Promise<void> {
  const holder = await identity.resolveApiKey(key).catch(() => undefined);
  if (holder?.userId === user.id) return;
  await identity.createApiKey({ userId: user.id, name: 'root', key });
}

// Exported for the admin CLI's "who is this" output: S3 shows a user as Owner ID and DisplayName.
export function s3OwnerOf(user: Pick<UserRecord, 'id' | 'name'>): { id: string; displayName: string } {
  return { id: user.id, displayName: user.name };
}

