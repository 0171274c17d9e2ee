import { createHash, timingSafeEqual } from 'node:crypto';
import {
  AccountRecord,
  ApiKeyRecord,
  CredentialRecord,
  Database,
  isUniqueViolation,
  repositories,
  Status,
  UserRecord,
  UserRole,
} from '@gw/metadata';
import { GatewayError, HEX_ID, newHexId } from '@gw/core';
import type { UserPrincipal } from '../principal';
import { generateAccessKey, generateApiKey, generateSecretKey } from '../secrets/generate';
import { hashPassword, verifyPassword } from '../secrets/passwords';
import type { SecretBox } from '../secrets/secret-box';
import { ApplicationCredentialService } from './application-credentials';

const USER_NAME = /^[A-Za-z0-9@._+-]{1,64}$/;
const ACCESS_KEY = /^[A-Za-z0-9]{3,128}$/;
const ROLES: readonly UserRole[] = ['admin', 'member', 'reader'];

export interface NewCredential {
  credential: CredentialRecord;
  /** Shown once, at creation. */
  secretKey: string;
}

export interface ResolvedAccessKey {
  secretKey: string;
  principal: UserPrincipal;
  /** Temporary (STS) keys: the jti of the session token a request signed with this key must carry. */
  sessionJti?: string;
}

export interface NewApiKey {
  apiKey: ApiKeyRecord;
  /** Shown once, at creation; only its hash is stored. */
  key: string;
}

/**
 * Users, S3 credentials and console API keys: creating them, finding who a key belongs to.
 * Secrets are sealed with the master key; API keys and passwords are only stored as hashes.
 */
export class IdentityService {
  /** Keystone application credentials of the users. */
  readonly applicationCredentials: ApplicationCredentialService;

  constructor(
    private readonly db: Database,
    private readonly box: SecretBox,
  ) {
    this.applicationCredentials = new ApplicationCredentialService(db, this);
  }

  async createUser(input: { accountId: string; name: string; role: UserRole; password?: string }): Promise<UserRecord> {
    if (!USER_NAME.test(input.name)) throw new GatewayError('InvalidArgument', 'User names are 1..64 characters of letters, digits and @._+-');
    if (HEX_ID.test(input.name)) throw new GatewayError('InvalidArgument', 'A user name must not look like a user id (32 hex characters).');
    if (!ROLES.includes(input.role)) throw new GatewayError('InvalidArgument', `Roles are ${ROLES.join(', ')}.`);
    if (input.password !== undefined) assertPassword(input.password);
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    try {
      return await repositories(this.db.knex).users.insert({ id: newHexId(), ...input, passwordHash });
    } catch (error) {
      if (isUniqueViolation(error)) throw new GatewayError('Conflict', `User "${input.name}" exists in this account.`);
      throw error;
    }
  }

  /** A user by 32-hex id, or by name within an account. */
  async findUser(idOrName: string, accountId?: string): Promise<UserRecord> {
    const users = repositories(this.db.knex).users;
    const user = HEX_ID.test(idOrName) ? await users.findById(idOrName) : accountId ? await users.findByName(accountId, idOrName) : undefined;
    if (!user || (accountId && user.accountId !== accountId)) throw new GatewayError('NoSuchUser', `No user "${idOrName}".`);
    return user;
  }

  listUsers(accountId: string): Promise<UserRecord[]> {
    return repositories(this.db.knex).users.listByAccount(accountId);
  }

  async setUserStatus(userId: string, status: Status): Promise<void> {
    if (!(await repositories(this.db.knex).users.setStatus(userId, status))) throw new GatewayError('NoSuchUser');
  }

  async setPassword(userId: string, password: string): Promise<void> {
    assertPassword(password);
    if (!(await repositories(this.db.knex).users.setPasswordHash(userId, await hashPassword(password)))) throw new GatewayError('NoSuchUser');
  }

  async checkPassword(user: UserRecord, password: string): Promise<boolean> {
    return user.passwordHash !== undefined && (await verifyPassword(password, user.passwordHash));
  }

  async deleteUser(userId: string): Promise<void> {
    if (!(await repositories(this.db.knex).users.delete(userId))) throw new GatewayError('NoSuchUser');
  }

  /**
   * An S3 key pair for a user. A temporary one (STS) expires and is bound to the session token
   * whose jti it names: requests signed with it must carry that token.
   */
  async createCredential(input: {
    userId: string;
    accessKey?: string;
    secretKey?: string;
    temporary?: { expiresAt: Date; tokenJti: string };
  }): Promise<NewCredential> {
    const accessKey = input.accessKey ?? generateAccessKey();
    const secretKey = input.secretKey ?? generateSecretKey();
    if (!ACCESS_KEY.test(accessKey)) throw new GatewayError('InvalidArgument', 'Access keys are 3..128 letters and digits.');
    if (secretKey.length < 8 || secretKey.length > 128) throw new GatewayError('InvalidArgument', 'Secret keys are 8..128 characters.');
    try {
      const credential = await repositories(this.db.knex).credentials.insert({
        accessKey,
        userId: input.userId,
        secretEnc: this.box.seal(secretKey, accessKey),
        ...(input.temporary && { kind: 'temporary' as const, expiresAt: input.temporary.expiresAt, tokenJti: input.temporary.tokenJti }),
      });
      return { credential, secretKey };
    } catch (error) {
      if (isUniqueViolation(error)) throw new GatewayError('Conflict', `Access key ${accessKey} exists.`);
      throw error;
    }
  }

  listCredentials(accountId: string): Promise<CredentialRecord[]> {
    return repositories(this.db.knex).credentials.listByAccount(accountId);
  }

  async setCredentialStatus(accessKey: string, status: Status): Promise<void> {
    if (!(await repositories(this.db.knex).credentials.setStatus(accessKey, status))) throw new GatewayError('NoSuchCredential');
  }

  async deleteCredential(accessKey: string): Promise<void> {
    if (!(await repositories(this.db.knex).credentials.delete(accessKey))) throw new GatewayError('NoSuchCredential');
  }

  /**
   * The secret and the principal behind an S3 access key; InvalidAccessKeyId for an unknown or
   * disabled key, ExpiredToken for an expired temporary one, AccessDenied for a disabled user
   * or account.
   */
  async resolveAccessKey(accessKey: string, now = new Date()): Promise<ResolvedAccessKey> {
    const found = await repositories(this.db.knex).credentials.findWithOwner(accessKey);
    if (!found || found.credential.status !== 'active') throw new GatewayError('InvalidAccessKeyId', undefined, { AWSAccessKeyId: accessKey });
    const { credential, user, account } = found;
    if (credential.expiresAt && credential.expiresAt <= now) throw new GatewayError('ExpiredToken');
    const principal = activePrincipal(user, account);
    const sessionJti = credential.kind === 'temporary' ? (credential.tokenJti ?? '') : undefined;
    return { secretKey: this.box.open(credential.secretEnc, accessKey), principal: { ...principal, accessKey }, ...(sessionJti !== undefined && { sessionJti }) };
  }

  async createApiKey(input: { userId: string; name: string; key?: string }): Promise<NewApiKey> {
    const key = input.key ?? generateApiKey();
    if (key.length < 20) throw new GatewayError('InvalidArgument', 'API keys are at least 20 characters.');
    try {
      const apiKey = await repositories(this.db.knex).apiKeys.insert({ id: newHexId(), userId: input.userId, name: input.name, keyHash: hashApiKey(key) });
      return { apiKey, key };
    } catch (error) {
      if (isUniqueViolation(error)) throw new GatewayError('Conflict', 'This API key exists.');
      throw error;
    }
  }

  listApiKeys(accountId: string): Promise<ApiKeyRecord[]> {
    return repositories(this.db.knex).apiKeys.listByAccount(accountId);
  }

  async setApiKeyStatus(id: string, status: Status): Promise<void> {
    if (!(await repositories(this.db.knex).apiKeys.setStatus(id, status))) throw new GatewayError('NotFound', 'No such API key.');
  }

  async deleteApiKey(id: string): Promise<void> {
    if (!(await repositories(this.db.knex).apiKeys.delete(id))) throw new GatewayError('NotFound', 'No such API key.');
  }

  /** The principal behind a console API key (`X-API-Key`), or Unauthorized. */
  async resolveApiKey(key: string): Promise<UserPrincipal> {
    const hash = hashApiKey(key);
    const apiKey = await repositories(this.db.knex).apiKeys.findByHash(hash);
    // The lookup is by hash; the comparison below keeps the final check constant-time as well.
    if (!apiKey || apiKey.status !== 'active' || !timingSafeEqual(Buffer.from(apiKey.keyHash), Buffer.from(hash))) {
      throw new GatewayError('Unauthorized', 'Invalid API key.');
    }
    return this.principalOf(apiKey.userId);
  }

  /** The principal of an active user in an active account; AccessDenied otherwise. */
  async principalOf(userId: string): Promise<UserPrincipal> {
    const repos = repositories(this.db.knex);
    const user = await repos.users.findById(userId);
    return activePrincipal(user, user && (await repos.accounts.findById(user.accountId)));
  }
}

/** The principal of an active user in an active account; AccessDenied / AccountProblem otherwise. */
function activePrincipal(user: UserRecord | undefined, account: AccountRecord | undefined): UserPrincipal {
  if (!user || !account || user.status !== 'active') throw new GatewayError('AccessDenied', 'The user is disabled.');
  if (account.status !== 'active') throw new GatewayError('AccountProblem', 'The account is disabled.');
  return { kind: 'user', accountId: account.id, accountName: account.name, userId: user.id, userName: user.name, role: user.role };
}

/** Passwords: 8..128 characters without control characters. */
function assertPassword(password: string): void {
  // eslint-disable-next-line no-control-regex
  if (password.length < 8 || password.length > 128 || /[\u0000-\u001f\u007f]/.test(password)) {
    throw new GatewayError('InvalidArgument', 'Passwords are 8..128 characters without control characters.');
  }
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
