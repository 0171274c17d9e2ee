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
  /** True on the very first start, when everything below was just created. */
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
 * On first start (no account at all) creates the default account, its admin user, one S3
 * credential and one console API key, and hands back the secrets so they can be printed once.
 * On later starts it only re-applies what the environment fixes (ROOT_* variables).
 */
export async function bootstrapIdentity(
  accounts: AccountService,
  identity: IdentityService,
  settings: BootstrapSettings,
): Promise<BootstrapResult | undefined> {
  const all = await accounts.list();
  if (all.length === 0) return createEverything(accounts, identity, settings);

  // Later starts: the root account and user may have been renamed or removed by an operator.
  const account = all.find((a) => a.name === settings.accountName);
  const user = account && (await identity.listUsers(account.id)).find((u) => u.name === settings.userName);
  if (!account || !user) return undefined;
  const owned = (await identity.listCredentials(account.id)).find((c) => c.userId === user.id && c.kind === 'permanent');
  let accessKey = owned?.accessKey ?? '';
  if (settings.accessKey && settings.secretKey) {
    accessKey = await applyFixedCredential(identity, user, settings.accessKey, settings.secretKey);
  }
  if (settings.password) await identity.setPassword(user.id, settings.password);
  if (settings.apiKey) await ensureApiKey(identity, user, settings.apiKey);
  return { firstStart: false, account, user, accessKey, secretKey: settings.secretKey, password: settings.password, apiKey: settings.apiKey };
}

async function createEverything(accounts: AccountService, identity: IdentityService, settings: BootstrapSettings): Promise<BootstrapResult> {
  const account = await accounts.create({ name: settings.accountName });
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

