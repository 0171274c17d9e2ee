import type { Queryable } from '../transaction';
import { toDate, toOptionalDate, toJson } from '../rows';
import type { AccountRecord, ApiKeyRecord, CredentialRecord, Status, TokenRecord, UserRecord, UserRole } from './records';

type Row = Record<string, unknown>;

const account = (r: Row): AccountRecord => ({
  id: String(r.id),
  name: String(r.name),
  displayName: String(r.display_name),
  status: r.status as Status,
  meta: toJson(r.meta, {}),
  createdAt: toDate(r.created_at),
});

const user = (r: Row): UserRecord => ({
  id: String(r.id),
  accountId: String(r.account_id),
  name: String(r.name),
  role: r.role as UserRole,
  passwordHash: (r.password_hash as string | null) ?? undefined,
  status: r.status as Status,
  createdAt: toDate(r.created_at),
});

const credential = (r: Row): CredentialRecord => ({
  accessKey: String(r.access_key),
  userId: String(r.user_id),
  secretEnc: String(r.secret_enc),
  kind: r.kind as CredentialRecord['kind'],
  status: r.status as Status,
  expiresAt: toOptionalDate(r.expires_at),
  tokenJti: (r.token_jti as string | null) ?? undefined,
  createdAt: toDate(r.created_at),
  lastUsedAt: toOptionalDate(r.last_used_at),
});

const apiKey = (r: Row): ApiKeyRecord => ({
  id: String(r.id),
  userId: String(r.user_id),
  name: String(r.name),
  keyHash: String(r.key_hash),
  status: r.status as Status,
  createdAt: toDate(r.created_at),
  lastUsedAt: toOptionalDate(r.last_used_at),
});

const token = (r: Row): TokenRecord => ({
  jti: String(r.jti),
  userId: String(r.user_id),
  kind: String(r.kind),
  issuedAt: toDate(r.issued_at),
  expiresAt: toDate(r.expires_at),
  revokedAt: toOptionalDate(r.revoked_at),
  parentJti: (r.parent_jti as string | null) ?? undefined,
});

export class AccountRepository {
  constructor(private readonly q: Queryable) {}

  async insert(a: { id: string; name: string; displayName: string }): Promise<AccountRecord> {
    const [row] = await this.q('accounts').insert({ id: a.id, name: a.name, display_name: a.displayName }).returning('*');
    return account(row);
  }
  async findById(id: string): Promise<AccountRecord | undefined> {
    const row = await this.q('accounts').where({ id }).first();
    return row && account(row);
  }
  async findByName(name: string): Promise<AccountRecord | undefined> {
    const row = await this.q('accounts').where({ name }).first();
    return row && account(row);
  }
  async list(): Promise<AccountRecord[]> {
    return (await this.q('accounts').orderBy('name')).map(account);
  }
  async count(): Promise<number> {
    const row = await this.q('accounts').count({ n: '*' }).first();
    return Number(row?.n ?? 0);
  }
  /** Sets and removes user metadata entries (Swift X-Account-Meta-*) in one atomic update; undefined when the row is gone. */
  async mergeMeta(id: string, set: Record<string, string>, remove: readonly string[]): Promise<AccountRecord | undefined> {
    const [row] = await this.q('accounts')
      .where({ id })
      .update({ meta: this.q.raw('(meta || ?::jsonb) - ARRAY(SELECT jsonb_array_elements_text(?::jsonb))', [JSON.stringify(set), JSON.stringify(remove)]) })
      .returning('*');
    return row && account(row);
  }
  /** Adds user metadata entries the account does not have yet, atomically (stored entries win); undefined when the row is gone. */
  async addMetaIfAbsent(id: string, entries: Record<string, string>): Promise<AccountRecord | undefined> {
    const [row] = await this.q('accounts')
      .where({ id })
      .update({ meta: this.q.raw('?::jsonb || meta', [JSON.stringify(entries)]) })
      .returning('*');
    return row && account(row);
  }
  async setStatus(id: string, status: Status): Promise<boolean> {
    return (await this.q('accounts').where({ id }).update({ status })) > 0;
  }
  async delete(id: string): Promise<boolean> {
    return (await this.q('accounts').where({ id }).delete()) > 0;
  }
}

export class UserRepository {
  constructor(private readonly q: Queryable) {}

  async insert(u: { id: string; accountId: string; name: string; role: UserRole; passwordHash?: string }): Promise<UserRecord> {
    const [row] = await this.q('users')
      .insert({ id: u.id, account_id: u.accountId, name: u.name, role: u.role, password_hash: u.passwordHash ?? null })
      .returning('*');
    return user(row);
  }
  async findById(id: string): Promise<UserRecord | undefined> {
    const row = await this.q('users').where({ id }).first();
    return row && user(row);
  }
  async findByName(accountId: string, name: string): Promise<UserRecord | undefined> {
    const row = await this.q('users').where({ account_id: accountId, name }).first();
    return row && user(row);
  }
  async listByAccount(accountId: string): Promise<UserRecord[]> {
    return (await this.q('users').where({ account_id: accountId }).orderBy('name')).map(user);
  }
  async setStatus(id: string, status: Status): Promise<boolean> {
    return (await this.q('users').where({ id }).update({ status })) > 0;
  }
  async setPasswordHash(id: string, passwordHash: string): Promise<boolean> {
    return (await this.q('users').where({ id }).update({ password_hash: passwordHash })) > 0;
  }
  async delete(id: string): Promise<boolean> {
    return (await this.q('users').where({ id }).delete()) > 0;
  }
}

export class CredentialRepository {
  constructor(private readonly q: Queryable) {}

  async insert(c: {
    accessKey: string;
    userId: string;
    secretEnc: string;
    kind?: CredentialRecord['kind'];
    expiresAt?: Date;
    tokenJti?: string;
  }): Promise<CredentialRecord> {
    const [row] = await this.q('credentials')
      .insert({
        access_key: c.accessKey,
        user_id: c.userId,
        secret_enc: c.secretEnc,
        kind: c.kind ?? 'permanent',
        expires_at: c.expiresAt ?? null,
        token_jti: c.tokenJti ?? null,
      })
      .returning('*');
    return credential(row);
  }
  async find(accessKey: string): Promise<CredentialRecord | undefined> {
    const row = await this.q('credentials').where({ access_key: accessKey }).first();
    return row && credential(row);
  }
  /**
   * A credential with its user and account in one query: the lookup every signed request
   * makes. Rows come back as JSON, which the mappers read like driver rows.
   */
  async findWithOwner(accessKey: string): Promise<{ credential: CredentialRecord; user: UserRecord; account: AccountRecord } | undefined> {
    const result = await this.q.raw(
      `SELECT row_to_json(c) AS c, row_to_json(u) AS u, row_to_json(a) AS a
         FROM credentials c JOIN users u ON u.id = c.user_id JOIN accounts a ON a.id = u.account_id
        WHERE c.access_key = ?`,
      [accessKey],
    );
    const row = (result.rows as { c: Row; u: Row; a: Row }[])[0];
    return row && { credential: credential(row.c), user: user(row.u), account: account(row.a) };
  }

  async listByUser(userId: string): Promise<CredentialRecord[]> {
    return (await this.q('credentials').where({ user_id: userId }).orderBy('created_at')).map(credential);
  }
  async listByAccount(accountId: string): Promise<CredentialRecord[]> {
    const rows = await this.q('credentials')
      .join('users', 'users.id', 'credentials.user_id')
      .where('users.account_id', accountId)
      .select('credentials.*')
      .orderBy('credentials.created_at');
    return rows.map(credential);
  }
  async setStatus(accessKey: string, status: Status): Promise<boolean> {
    return (await this.q('credentials').where({ access_key: accessKey }).update({ status })) > 0;
  }
  /**
   * Deletes up to `limit` temporary (STS) keys that expired before `before` (index
   * credentials_temporary_expiry), longest expired first; returns how many. Permanent keys never.
   */
  async deleteExpiredTemporary(before: Date, limit: number): Promise<number> {
    const doomed = this.q('credentials')
      .select('access_key')
      .where({ kind: 'temporary' })
      .andWhere('expires_at', '<', before)
      .orderBy('expires_at')
      .limit(limit)
      .forUpdate()
      .skipLocked();
    return this.q('credentials').whereIn('access_key', doomed).delete();
  }
  async delete(accessKey: string): Promise<boolean> {
    return (await this.q('credentials').where({ access_key: accessKey }).delete()) > 0;
  }
}

export class ApiKeyRepository {
  constructor(private readonly q: Queryable) {}

  async insert(k: { id: string; userId: string; name: string; keyHash: string }): Promise<ApiKeyRecord> {
    const [row] = await this.q('api_keys')
      .insert({ id: k.id, user_id: k.userId, name: k.name, key_hash: k.keyHash })
      .returning('*');
    return apiKey(row);
  }
  async findById(id: string): Promise<ApiKeyRecord | undefined> {
    const row = await this.q('api_keys').where({ id }).first();
    return row && apiKey(row);
  }
  async findByHash(keyHash: string): Promise<ApiKeyRecord | undefined> {
    const row = await this.q('api_keys').where({ key_hash: keyHash }).first();
    return row && apiKey(row);
  }
  async listByAccount(accountId: string): Promise<ApiKeyRecord[]> {
    const rows = await this.q('api_keys')
      .join('users', 'users.id', 'api_keys.user_id')
      .where('users.account_id', accountId)
      .select('api_keys.*')
      .orderBy('api_keys.created_at');
    return rows.map(apiKey);
  }
  async setStatus(id: string, status: Status): Promise<boolean> {
    return (await this.q('api_keys').where({ id }).update({ status })) > 0;
  }
  async delete(id: string): Promise<boolean> {
    return (await this.q('api_keys').where({ id }).delete()) > 0;
  }
}

export class TokenRepository {
  constructor(private readonly q: Queryable) {}

  async insert(t: { jti: string; userId: string; kind: string; expiresAt: Date; parentJti?: string }): Promise<TokenRecord> {
    const [row] = await this.q('tokens')
      .insert({ jti: t.jti, user_id: t.userId, kind: t.kind, expires_at: t.expiresAt, parent_jti: t.parentJti ?? null })
      .returning('*');
    return token(row);
  }
  async find(jti: string): Promise<TokenRecord | undefined> {
    const row = await this.q('tokens').where({ jti }).first();
    return row && token(row);
  }
  /**
   * Revokes a token and every token issued from it, at any depth, in one statement. True when
   * the token itself was live (known and not yet revoked).
   */
  async revoke(jti: string): Promise<boolean> {
    const result = await this.q.raw(
      `WITH RECURSIVE lineage AS (
         SELECT jti, revoked_at FROM tokens WHERE jti = ?
         UNION
         SELECT t.jti, t.revoked_at FROM tokens t JOIN lineage l ON t.parent_jti = l.jti
       ),
       revoked AS (
         UPDATE tokens SET revoked_at = now() WHERE jti IN (SELECT jti FROM lineage) AND revoked_at IS NULL RETURNING jti
       )
       SELECT jti FROM revoked WHERE jti = ?`,
      [jti, jti],
    );
    return (result.rows as unknown[]).length > 0;
  }
  /** Sets a token's expiry (an application credential's anchor expires when the credential is deleted); false when unknown. */
  async setExpiry(jti: string, expiresAt: Date): Promise<boolean> {
    return (await this.q('tokens').where({ jti }).update({ expires_at: expiresAt })) > 0;
  }
  /**
   * Deletes up to `limit` tokens that expired before `before` (index tokens_expiry), longest
   * expired first, and returns how many. Leaves of the lineage only: a token some other row names
   * as its parent stays until that row is gone, so revoking it still reaches every descendant.
   * The anchor of an existing application credential stays whatever its expiry. Rows another
   * worker is deleting are skipped, not waited for.
   */
  async deleteExpired(before: Date, limit: number): Promise<number> {
    const doomed = this.q('tokens as t')
      .select('t.jti')
      .where('t.expires_at', '<', before)
      .whereNotExists((child) => child.select(this.q.raw('1')).from('tokens as c').whereRaw('c.parent_jti = t.jti'))
      .whereNotExists((anchor) => anchor.select(this.q.raw('1')).from('application_credentials as a').whereRaw('a.anchor_jti = t.jti'))
      .orderBy('t.expires_at')
      .limit(limit)
      .forUpdate()
      .skipLocked();
    return this.q('tokens').whereIn('jti', doomed).delete();
  }
}
