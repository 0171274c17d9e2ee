import { BucketRecord, isUniqueViolation, repositories, ServerSideEncryption, withTransaction } from '@gw/metadata';
import type { AclInput } from '../acl/acl';
import { resolveAcl } from '../acl/resolve-acl';
import { GatewayError } from '../errors';
import type { StorageContext } from '../storage-context';
import { assertMetaChanges, MetaChanges } from '../meta/meta-changes';
import { bucketEncryptionOf, removeBucketEncryption, setBucketEncryption } from './bucket-encryption';
import { assertValidBucketName } from './bucket-name';
import { setBucketVersioning, VersioningStatus } from './bucket-versioning';

export interface CreateBucketInput {
  accountId: string;
  name: string;
  ownerUserId?: string;
  /** The ACL asked at creation; private when absent. */
  acl?: AclInput;
}

/** Buckets of an account: the containers of Swift and the buckets of S3, /v1_ext and KOS. */
export class BucketService {
  constructor(private readonly ctx: StorageContext) {}

  async create(input: CreateBucketInput): Promise<BucketRecord> {
    assertValidBucketName(input.name);
    const owner = input.ownerUserId;
    const acl = input.acl && (await resolveAcl(this.ctx.db.knex, input.acl, { owner, bucketOwner: owner }));
    try {
      return await repositories(this.ctx.db.knex).buckets.insert({
        accountId: input.accountId,
        name: input.name,
        ownerUserId: input.ownerUserId,
        region: this.ctx.region,
        acl,
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
