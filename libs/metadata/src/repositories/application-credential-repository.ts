// Rows of `application_credentials` (Keystone v3 application credentials): insert, find by id or
// by user and name, list a user's, delete. Secrets arrive already hashed.
import type { Queryable } from '../transaction';
import { toDate, toJson, toOptionalDate } from '../rows';
import type { ApplicationCredentialRecord } from './records';

type Row = Record<string, unknown>;

const applicationCredential = (r: Row): ApplicationCredentialRecord => ({
  id: String(r.id),
  userId: String(r.user_id),
  accountId: String(r.account_id),
  name: String(r.name),
  description: (r.description as string | null) ?? undefined,
  secretHash: String(r.secret_hash),
  roles: toJson<string[]>(r.roles, []),
  unrestricted: Boolean(r.unrestricted),
  expiresAt: toOptionalDate(r.expires_at),
  anchorJti: String(r.anchor_jti),
  createdAt: toDate(r.created_at),
});

export type NewApplicationCredential = Omit<ApplicationCredentialRecord, 'createdAt'>;

export class ApplicationCredentialRepository {
  constructor(private readonly q: Queryable) {}

  async insert(c: NewApplicationCredential): Promise<ApplicationCredentialRecord> {
    const [row] = await this.q('application_credentials')
      .insert({
        id: c.id,
        user_id: c.userId,
        account_id: c.accountId,
        name: c.name,
        description: c.description ?? null,
        secret_hash: c.secretHash,
        roles: JSON.stringify(c.roles),
        unrestricted: c.unrestricted,
        expires_at: c.expiresAt ?? null,
        anchor_jti: c.anchorJti,
      })
      .returning('*');
    return applicationCredential(row);
  }
  async findById(id: string): Promise<ApplicationCredentialRecord | undefined> {
    const row = await this.q('application_credentials').where({ id }).first();
    return row && applicationCredential(row);
  }
  async findByName(userId: string, name: string): Promise<ApplicationCredentialRecord | undefined> {
    const row = await this.q('application_credentials').where({ user_id: userId, name }).first();
    return row && applicationCredential(row);
  }
  /** A user's credentials by name; only those named `name` when it is given. */
  async listByUser(userId: string, name?: string): Promise<ApplicationCredentialRecord[]> {
    const query = this.q('application_credentials').where({ user_id: userId });
    if (name !== undefined) query.andWhere({ name });
    return (await query.orderBy('name')).map(applicationCredential);
  }
  /** The deleted row, or undefined when there was none. */
  async delete(id: string): Promise<ApplicationCredentialRecord | undefined> {
    const [row] = await this.q('application_credentials').where({ id }).delete().returning('*');
    return row && applicationCredential(row);
  }
}
