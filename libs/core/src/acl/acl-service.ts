import { AclGrant, BucketRecord, ObjectRecord, Repositories, repositories } from '@gw/metadata';
import { GatewayError } from '../errors';
import { assertValidObjectKey } from '../objects/object-key';
import type { StorageContext } from '../storage-context';
import { Acl, AclInput, bucketAcl, objectAcl, ObjectAclFields } from './acl';
import { AclOwners, objectOwnerOf } from './canned-acl';
import { resolveAcl } from './resolve-acl';

/** What an access decision needs: the bucket and, for object actions, the object's owner and ACL. */
export interface AccessTarget {
  bucket: BucketRecord;
  object?: ObjectAclFields;
}

/** Bucket and object ACLs (S3 GetBucketAcl/PutBucketAcl/GetObjectAcl/PutObjectAcl and the ACL at creation). */
export class AclService {
  constructor(private readonly ctx: StorageContext) {}

  /**
   * The bucket, or NoSuchBucket; with `object`, in the same round trip, that object's owner and
   * ACL (absent when there is no such live object).
   */
  async accessTarget(accountId: string, bucketName: string, object?: { key: string; versionId?: string }): Promise<AccessTarget> {
    const repos = repositories(this.ctx.db.knex);
    // A key the store cannot hold names no object: decide without one, let the operation refuse the key.
    const found =
      object && isStorableKey(object.key)
        ? await repos.buckets.findWithObjectAcl(accountId, bucketName, object)
        : await repos.buckets.findByName(accountId, bucketName).then((bucket) => bucket && { bucket });
    if (!found) throw new GatewayError('NoSuchBucket', undefined, { BucketName: bucketName });
    return found;
  }

  /** The grants for a new bucket's or object's ACL, checked before anything is written. */
  resolve(input: AclInput, owners: AclOwners): Promise<AclGrant[]> {
    return resolveAcl(this.ctx.db.knex, input, owners);
  }

  getBucketAcl(bucket: BucketRecord): Acl {
    return bucketAcl(bucket);
  }

  async putBucketAcl(bucket: BucketRecord, input: AclInput): Promise<Acl> {
    const owner = bucket.ownerUserId;
    const grants = await resolveAcl(this.ctx.db.knex, input, { owner, bucketOwner: owner });
    const updated = await repositories(this.ctx.db.knex).buckets.setAcl(bucket.id, grants);
    if (!updated) throw new GatewayError('NoSuchBucket', undefined, { BucketName: bucket.name });
    return bucketAcl(updated);
  }

  async getObjectAcl(bucket: BucketRecord, key: string, versionId?: string): Promise<Acl> {
    return objectAcl(bucket, await findAclTarget(repositories(this.ctx.db.knex), bucket, key, versionId));
  }

  async putObjectAcl(bucket: BucketRecord, key: string, versionId: string | undefined, input: AclInput): Promise<Acl> {
    const repos = repositories(this.ctx.db.knex);
    const object = await findAclTarget(repos, bucket, key, versionId);
    const owner = objectOwnerOf(bucket, object.ownerUserId);
    const grants = await resolveAcl(this.ctx.db.knex, input, { owner, bucketOwner: bucket.ownerUserId });
    await repos.objects.setAcl(object.id, grants);
    return objectAcl(bucket, { ...object, acl: grants });
  }
}

/** The object version whose ACL is read or written: the latest, or the one named. */
async function findAclTarget(repos: Repositories, bucket: BucketRecord, key: string, versionId: string | undefined): Promise<ObjectRecord> {
  assertValidObjectKey(key);
  if (versionId === undefined) {
    const latest = await repos.objects.findLatest(bucket.id, key);
    if (!latest || latest.isDeleteMarker) throw new GatewayError('NoSuchKey', undefined, { Key: key });
    return latest;
  }
  const version = await repos.objects.findVersion(bucket.id, key, versionId);
  if (!version) throw new GatewayError('NoSuchVersion', undefined, { Key: key, VersionId: versionId });
  // S3 answers 405 for the ACL of a delete marker: it has none.
  if (version.isDeleteMarker) throw new GatewayError('MethodNotAllowed', 'A delete marker has no ACL.');
  return version;
}

function isStorableKey(key: string): boolean {
  try {
    assertValidObjectKey(key);
    return true;
  } catch {
    return false;
  }
}
