import type { ChecksumAlgorithm } from '@gw/blob';
import { BucketRecord, repositories, ServerSideEncryption, UploadRecord, withTransaction } from '@gw/metadata';
import type { AclInput } from '../acl/acl';
import { objectOwnerOf } from '../acl/canned-acl';
import { resolveAcl } from '../acl/resolve-acl';
import { GatewayError } from '../errors';
import { assertValidObjectKey } from '../objects/object-key';
import { assertValidTagSet } from '../objects/tag-set';
import { assertUserMetadataSize } from '../objects/user-metadata';
import type { StorageContext } from '../storage-context';
import { newUploadId } from './upload-id';

/** What the object will be once the upload completes; the parts bring only bytes. */
export interface CreateUploadInput {
  bucket: BucketRecord;
  key: string;
  contentType?: string;
  userMeta?: Record<string, string>;
  /** System headers kept with the object (content-encoding, content-disposition, cache-control, ...). */
  headers?: Record<string, string>;
  tags?: Record<string, string>;
  /** Computed on every part; the object gets the composite checksum (checksum of the part checksums). */
  checksumAlgorithm?: ChecksumAlgorithm;
  ownerUserId?: string;
  /** The completed object's ACL; private when absent. */
  acl?: AclInput;
  /** Encrypt the parts and the object at rest (S3: x-amz-server-side-encryption), whatever the bucket's default. */
  encryption?: ServerSideEncryption;
}

/**
 * CreateMultipartUpload: records the upload under a new opaque id; no data yet. Its encryption
 * is decided now (asked for, or the bucket's default), so every part of it is stored alike.
 */
export async function createUpload(ctx: StorageContext, input: CreateUploadInput): Promise<UploadRecord> {
  assertValidObjectKey(input.key);
  assertUserMetadataSize(input.userMeta ?? {}, ctx.limits.maxUserMetadataBytes);
  if (input.tags) assertValidTagSet(input.tags);
  const owners = { owner: objectOwnerOf(input.bucket, input.ownerUserId), bucketOwner: input.bucket.ownerUserId };
  const acl = input.acl && (await resolveAcl(ctx.db.knex, input.acl, owners));
  const initiatedAt = new Date();
  return withTransaction(ctx.db.knex, async (trx) => {
    const repos = repositories(trx);
    // Locked like any writer of the bucket: a bucket deleted meanwhile is NoSuchBucket, not a foreign-key failure.
    const bucket = await repos.buckets.lockById(input.bucket.id);
    if (!bucket) throw new GatewayError('NoSuchBucket', undefined, { BucketName: input.bucket.name });
    return repos.uploads.insert({
      uploadId: newUploadId(initiatedAt),
      bucketId: bucket.id,
      key: input.key,
      contentType: input.contentType,
      userMeta: input.userMeta ?? {},
      headers: input.headers ?? {},
      tags: input.tags ?? {},
      checksumAlgorithm: input.checksumAlgorithm,
      ownerUserId: input.ownerUserId,
      acl,
      encryption: input.encryption ?? bucket.encryption,
      initiatedAt,
    });
  });
}
