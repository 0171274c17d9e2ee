import { BucketRecord, isUniqueViolation, repositories, withTransaction } from '@gw/metadata';
import { GatewayError } from '../errors';
import type { StorageContext } from '../storage-context';
import { assertValidBucketName } from './bucket-name';

export interface CreateBucketInput {
  accountId: string;
  name: string;
  ownerUserId?: string;
}

/** Buckets of an account: the containers of Swift and the buckets of S3, /v1_ext and KOS. */
export class BucketService {
  constructor(private readonly ctx: StorageContext) {}

  async create(input: CreateBucketInput): Promise<BucketRecord> {
    assertValidBucketName(input.name);
    try {
      return await repositories(this.ctx.db.knex).buckets.insert({
        accountId: input.accountId,
        name: input.name,
        ownerUserId: input.ownerUserId,
        region: this.ctx.region,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new GatewayError('BucketAlreadyOwnedByYou', undefined, { BucketName: input.name });
      throw error;
    }
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
