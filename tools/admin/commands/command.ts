// What a command of the admin CLI is, and the lookups and JSON views the command groups share.
// A command returns its result twice: a JSON document for --json and aligned text for people.
// The JSON views never carry stored secrets (sealed S3 secrets, password and API key hashes).
import type { IdentityService } from '@gw/auth';
import type { AccountRecord, Storage, UserRecord } from '@gw/core';
import type { ApiKeyRecord, CredentialRecord } from '@gw/metadata';

export interface AdminDeps {
  storage: Storage;
  identity: IdentityService;
}

export interface CommandResult {
  json: unknown;
  text: string;
}

export interface OptionSpec {
  /** Placeholder shown in the usage text (`--role <admin|member|reader>`). */
  value: string;
  choices?: readonly string[];
}

export interface CommandInput {
  /** Positionals in the order of `Command.args`, all present. */
  args: string[];
  options: Record<string, string | undefined>;
}

export interface Command {
  group: string;
  action: string;
  /** Names of the positional arguments, shown in the usage text. */
  args: readonly string[];
  options?: Readonly<Record<string, OptionSpec>>;
  summary: string;
  run(input: CommandInput, deps: AdminDeps): Promise<CommandResult>;
}

/** A user named within an account (by name or 32-hex id), and that account. */
export async function findAccountUser(deps: AdminDeps, accountRef: string, userRef: string): Promise<{ account: AccountRecord; user: UserRecord }> {
  const account = await deps.storage.accounts.find(accountRef);
  const user = await deps.identity.findUser(userRef, account.id);
  return { account, user };
}

export const accountView = (a: AccountRecord) => ({
  id: a.id,
  name: a.name,
  displayName: a.displayName,
  status: a.status,
  createdAt: a.createdAt.toISOString(),
});

export const accountRef = (a: AccountRecord) => ({ id: a.id, name: a.name });

export const userView = (u: UserRecord) => ({
  id: u.id,
  accountId: u.accountId,
  name: u.name,
  role: u.role,
  status: u.status,
  hasPassword: u.passwordHash !== undefined,
  createdAt: u.createdAt.toISOString(),
});

export const credentialView = (c: CredentialRecord, user: UserRecord | undefined) => ({
  accessKey: c.accessKey,
  userId: c.userId,
  userName: user?.name ?? null,
  accountId: user?.accountId ?? null,
  kind: c.kind,
  status: c.status,
  expiresAt: c.expiresAt?.toISOString() ?? null,
  createdAt: c.createdAt.toISOString(),
  lastUsedAt: c.lastUsedAt?.toISOString() ?? null,
});

export const apiKeyView = (k: ApiKeyRecord, user: UserRecord | undefined) => ({
  id: k.id,
  name: k.name,
  userId: k.userId,
  userName: user?.name ?? null,
  accountId: user?.accountId ?? null,
  status: k.status,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
});

/** The account's users by id, to name the owners of keys in listings. */
export async function usersById(deps: AdminDeps, accountId: string): Promise<Map<string, UserRecord>> {
  return new Map((await deps.identity.listUsers(accountId)).map((u) => [u.id, u]));
}
