import { AccountRecord, isUniqueViolation, repositories, Status } from '@gw/metadata';
import { GatewayError } from '../errors';
import { HEX_ID, newHexId } from '../ids';
import type { StorageContext } from '../storage-context';
import { assertMetaChanges, MetaChanges } from '../meta/meta-changes';

const ACCOUNT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

export interface AccountUsage {
  bucketCount: number;
  objectCount: number;
  bytesUsed: number;
}

/** Accounts (projects, tenants): the top of the namespace every dialect shares. */
export class AccountService {
  constructor(private readonly ctx: StorageContext) {}

  async create(input: { name: string; id?: string; displayName?: string }): Promise<AccountRecord> {
    if (!ACCOUNT_NAME.test(input.name)) {
      throw new GatewayError('InvalidArgument', 'Account names are 1..63 characters of letters, digits, ".", "_" and "-".');
    }
    if (HEX_ID.test(input.name)) throw new GatewayError('InvalidArgument', 'An account name must not look like an account id (32 hex characters).');
    const id = input.id ?? newHexId();
    if (!HEX_ID.test(id)) throw new GatewayError('InvalidArgument', 'Account ids are 32 lowercase hex characters.');
    try {
      return await repositories(this.ctx.db.knex).accounts.insert({ id, name: input.name, displayName: input.displayName ?? input.name });
    } catch (error) {
      if (isUniqueViolation(error)) throw new GatewayError('Conflict', `An account named "${input.name}" or with id ${id} exists.`);
      throw error;
    }
  }

  /** Finds an account by its 32-hex id or by its unique name. */
  async find(idOrName: string): Promise<AccountRecord> {
    const accounts = repositories(this.ctx.db.knex).accounts;
    const account = HEX_ID.test(idOrName) ? await accounts.findById(idOrName) : await accounts.findByName(idOrName);
    if (!account) throw new GatewayError('NoSuchAccount', `No account "${idOrName}".`);
    return account;
  }

  async list(): Promise<AccountRecord[]> {
    return repositories(this.ctx.db.knex).accounts.list();
  }

  async setStatus(idOrName: string, status: Status): Promise<AccountRecord> {
    const account = await this.find(idOrName);
    await repositories(this.ctx.db.knex).accounts.setStatus(account.id, status);
    return { ...account, status };
  }

  /** Deletes an account with its users and keys; refused while it still owns buckets. */
  async delete(idOrName: string): Promise<void> {
    const account = await this.find(idOrName);
    const repos = repositories(this.ctx.db.knex);
    if ((await repos.buckets.countByAccount(account.id)) > 0) {
      throw new GatewayError('Conflict', `Account "${account.name}" still owns buckets; delete them first.`);
    }
    await repos.accounts.delete(account.id);
  }

  /** Sets and removes entries of the account's user metadata (Swift POST account). */
  async updateMeta(accountId: string, changes: MetaChanges): Promise<AccountRecord> {
    assertMetaChanges(changes);
    const account = await repositories(this.ctx.db.knex).accounts.mergeMeta(accountId, changes.set, changes.remove);
    if (!account) throw new GatewayError('NoSuchAccount');
    return account;
  }

  /**
   * The value of a metadata entry, set to `value` first when the account has none (atomic: of
   * two concurrent callers, both get the value that was stored first).
   */
  async metaEntryOrSet(accountId: string, name: string, value: string): Promise<string> {
    const account = await repositories(this.ctx.db.knex).accounts.addMetaIfAbsent(accountId, { [name]: value });
    if (!account) throw new GatewayError('NoSuchAccount');
    return account.meta[name];
  }

  async usage(accountId: string): Promise<AccountUsage> {
    const buckets = await repositories(this.ctx.db.knex).buckets.listByAccount(accountId);
    return {
      bucketCount: buckets.length,
      objectCount: buckets.reduce((sum, b) => sum + b.objectCount, 0),
      bytesUsed: buckets.reduce((sum, b) => sum + b.bytesUsed, 0),
    };
  }
}
