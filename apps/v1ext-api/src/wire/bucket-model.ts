import type { Response } from 'express';
import type { BucketRecord, PublicAccess } from '@gw/core';
import { publicAccessOf } from '@gw/core';

// The bucket models of the spec's "API model": the detail model (create, detail, access
// control) and the simple model of the bucket list. There is one bucket type, one storage class
// and one placement.

export const BUCKET_TYPE = 'STANDARD';
const STORAGE_CLASS = 'STANDARD';
const STORAGE_POLICY = 'default-placement';
const ENCRYPTION_TYPE = 'managed';

/** RFC 3339 in seconds, as the spec writes its times (`2022-04-25T10:28:57Z`). */
export const rfc3339 = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The `acl` object: the public access level (`deny` when never set) and its allow list (null when empty). */
export function aclModel(access: PublicAccess | undefined): { public: string; public_read_allow_ip_list: string[] | null } {
  return {
    public: access?.public ?? 'deny',
    public_read_allow_ip_list: access && access.allowIps.length > 0 ? access.allowIps : null,
  };
}

/**
 * The detail model. `bytes` and `objectCount` are the bucket's usage counters, which every write
 * moves in its own transaction: exact when the bucket was read. `lastModified` is the creation
 * time: the gateway keeps no separate modification time of a bucket.
 */
export function bucketDetail(bucket: BucketRecord) {
  const encrypted = bucket.encryption !== undefined;
  return {
    account: bucket.accountId,
    project: bucket.accountId,
    name: bucket.name,
    type: BUCKET_TYPE,
    bytes: bucket.bytesUsed,
    objectCount: bucket.objectCount,
    createdAt: rfc3339(bucket.createdAt),
    use_encryption: encrypted,
    encryption_type: encrypted ? ENCRYPTION_TYPE : '',
    lastModified: rfc3339(bucket.createdAt),
    storageClass: STORAGE_CLASS,
    storagePolicy: STORAGE_POLICY,
    acl: aclModel(publicAccessOf(bucket)),
  };
}

/** The simple model of the bucket list (the spec names it without showing it): the detail's summary fields. */
export function bucketSummary(bucket: BucketRecord) {
  return {
    name: bucket.name,
    type: BUCKET_TYPE,
    bytes: bucket.bytesUsed,
    objectCount: bucket.objectCount,
    createdAt: rfc3339(bucket.createdAt),
    lastModified: rfc3339(bucket.createdAt),
    use_encryption: bucket.encryption !== undefined,
    storageClass: STORAGE_CLASS,
  };
}

/** The bucket's user metadata as `X-Container-Meta-*` headers (the same set Swift's container POST writes). */
export function writeBucketMetaHeaders(res: Response, bucket: BucketRecord): void {
  for (const [name, value] of Object.entries(bucket.meta)) res.setHeader(`X-Container-Meta-${name}`, value);
}
