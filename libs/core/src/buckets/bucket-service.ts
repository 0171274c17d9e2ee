import { BucketRecord, isUniqueViolation, repositories, ServerSideEncryption, withTransaction } from '@gw/metadata';
import type { AclInput } from '../acl/acl';
import { resolveAcl } from '../acl/resolve-acl';
import { GatewayError } from '../errors';
import type { StorageContext } from '../storage-context';
import { assertMetaChanges, MetaChanges } from '../meta/meta-changes';
import { bucketEncryptionOf, removeBucketEncryption, setBucketEncryption } from './bucket-encryption';
import { BucketPage, listBucketPage, ListBucketPageInput } from './bucket-listing';
import { assertValidBucketName, BucketNameRules } from './bucket-name';
import { setBucketVersioning, VersioningStatus } from './bucket-versioning';

export interface CreateBucketInput {
  accountId: string;
  name: string;
  ownerUserId?: string;
  /** The ACL asked at creation; private when absent. */
  acl?: AclInput;
  /** Default encryption from the start (/v1_ext `use_encryption`); none when absent. */
  encryption?: ServerSideEncryption;
  /** The naming rules of the dialect that creates it (see bucket-name.ts); S3's when absent. */
  nameRules?: BucketNameRules;
}

/** Buckets of an account: the containers of Swift and the buckets of S3, /v1_ext and KOS. */
export class BucketService {
  constructor(private readonly ctx: StorageContext) {}

  async create(input: CreateBucketInput): Promise<BucketRecord> {
    assertValidBucketName(input.name, input.nameRules);
    const owner = input.ownerUserId;
    const acl = input.acl && (await resolveAcl(this.ctx.db.knex, input.acl, { owner, bucketOwner: owner }));
    try {
      return await repositories(this.ctx.db.knex).buckets.insert({
        accountId: input.accountId,
        name: input.name,
        ownerUserId: input.ownerUserId,
        region: this.ctx.region,
        acl,
        encryption: input.encryption,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new GatewayError('BucketAlreadyOwnedByYou', undefined, { BucketName: input.name });
      throw error;
    }
  }

  /** PutBucketVersioning: Enabled or Suspended (see `setBucketVersioning`). */
  setVersioning(bucket: BucketRecord, status: VersioningStatus): Promise<BucketRecord> {
    return setBucketVersioning(this.ctx, bucket, status);
  }

  /** GetBucketEncryption: the default encryption, or ServerSideEncryptionConfigurationNotFoundError. */
  getEncryption(bucket: BucketRecord): ServerSideEncryption {
    return bucketEncryptionOf(bucket);
  }

  /** PutBucketEncryption: only on an empty bucket (see `setBucketEncryption`). */
  setEncryption(bucket: BucketRecord, encryption: ServerSideEncryption): Promise<BucketRecord> {
    return setBucketEncryption(this.ctx, bucket, encryption);
  }

  /** DeleteBucketEncryption: new objects are stored in clear; encrypted ones stay encrypted. */
  deleteEncryption(bucket: BucketRecord): Promise<BucketRecord> {
    return removeBucketEncryption(this.ctx, bucket);
  }

  /** Sets and removes entries of the bucket's user metadata (Swift POST container). */
  async updateMeta(bucket: BucketRecord, changes: MetaChanges): Promise<BucketRecord> {
    assertMetaChanges(changes);
    const updated = await repositories(this.ctx.db.knex).buckets.mergeMeta(bucket.id, changes.set, changes.remove);
    if (!updated) throw new GatewayError('NoSuchBucket', undefined, { BucketName: bucket.name });
    return updated;
  }

  /** The bucket, or NoSuchBucket. */
  async get(accountId: string, name: string): Promise<BucketRecord> {
    const bucket = await repositories(this.ctx.db.knex).buckets.findByName(accountId, name);
    if (!bucket) throw new GatewayError('NoSuchBucket', undefined, { BucketName: name });
    return bucket;
  }

  /** One page of the account's buckets, filtered and sorted in SQL (see `listBucketPage`). */
  listPage(input: ListBucketPageInput): Promise<BucketPage> {
    return listBucketPage(this.ctx, input);
  }

  /**
   * The one bucket of that name across all accounts, for a URL that names no account (a CORS
   * preflight carries no credentials); undefined when no account or several have one.
   */
  async findUnique(name: string): Promise<BucketRecord | undefined> {
    const found = await repositories(this.ctx.db.knex).buckets.findInAnyAccount(name, 2);
    return found.length === 1 ? found[0] : undefined;
  }

  async list(accountId: string): Promise<BucketRecord[]> {
    return repositories(this.ctx.db.knex).buckets.listByAccount(accountId);
  }

  /** Deletes an empty bucket; any object version, delete marker or upload makes it BucketNotEmpty. */
  async delete(accountId: string, name: string): Promise<void> {
    await withTransaction(this.ctx.db.knex, async (trx) => {
      const repos = repositories(trx);
      const bucket = await repos.buckets.findByName(accountId, name, { forUpdate: true });
      if (!bucket) throw new GatewayError('NoSuchBucket', undefined, { BucketName: name });
      if (await repos.buckets.hasContent(bucket.id)) throw new GatewayError('BucketNotEmpty', undefined, { BucketName: name });
      await repos.buckets.delete(bucket.id);
    });
  }
}
