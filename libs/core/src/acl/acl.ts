import type { AclGrant, BucketRecord, ObjectRecord } from '@gw/metadata';
import { CannedAcl, cannedGrants, objectOwnerOf } from './canned-acl';

/** An access control list: the resource's owner and the grants. */
export interface Acl {
  /** The owning user; absent only for a bucket whose owner was deleted. */
  ownerUserId?: string;
  grants: AclGrant[];
}

/**
 * An ACL as a client asks for it: a canned name, or explicit grants (with the owner the client
 * believes the resource has, which must be the real one: an ACL does not transfer ownership).
 */
export type AclInput = { canned: CannedAcl } | { grants: AclGrant[]; ownerUserId?: string };

/** What an access decision on an object needs of it. */
export type ObjectAclFields = Pick<ObjectRecord, 'ownerUserId' | 'acl'>;

/** A bucket's ACL; one never set is private. */
export function bucketAcl(bucket: Pick<BucketRecord, 'ownerUserId' | 'acl'>): Acl {
  const owner = bucket.ownerUserId;
  return { ownerUserId: owner, grants: bucket.acl ?? cannedGrants('private', { owner }) };
}

/** An object's ACL; one never set is private to the object's owner. */
export function objectAcl(bucket: Pick<BucketRecord, 'ownerUserId'>, object: ObjectAclFields): Acl {
  const owner = objectOwnerOf(bucket, object.ownerUserId);
  return { ownerUserId: owner, grants: object.acl ?? cannedGrants('private', { owner }) };
}
