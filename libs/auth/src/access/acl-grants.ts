import { Acl, AclGrantee, AclPermission, bucketAcl, BucketRecord, objectAcl, ObjectAclFields } from '@gw/core';
import type { Principal } from '../principal';
import type { Action } from './actions';

type Table = Record<Exclude<AclPermission, 'FULL_CONTROL'>, readonly Action[]>;

/**
 * What each permission of a bucket's ACL lets its grantee do. As the KakaoCloud S3 document
 * reads them (READ grants storage.objectReader, WRITE storage.objectCreator), they cover the
 * bucket's objects: READ lists and reads them (and HeadBucket, which S3 ties to listing),
 * WRITE creates, overwrites and deletes them. The bucket itself (configuration, deletion) stays
 * with its account.
 */
const BUCKET_PERMISSIONS: Table = {
  READ: ['storage.objects.list', 'storage.objects.get'],
  WRITE: ['storage.objects.create', 'storage.objects.delete'],
  READ_ACP: ['storage.buckets.getAcl'],
  WRITE_ACP: ['storage.buckets.setAcl'],
};

/** What each permission of an object's ACL lets its grantee do with that object (WRITE means nothing there, as on S3). */
const OBJECT_PERMISSIONS: Table = {
  READ: ['storage.objects.get'],
  WRITE: [],
  READ_ACP: ['storage.objects.getAcl'],
  WRITE_ACP: ['storage.objects.setAcl'],
};

/** Actions an object's own ACL can allow: only for these is the object's ACL worth loading. */
export const OBJECT_ACL_ACTIONS: ReadonlySet<Action> = new Set(Object.values(OBJECT_PERMISSIONS).flat());

/** True when the bucket's ACL, or the object's, has a grant for this principal that allows the action. */
export function aclAllows(principal: Principal, action: Action, bucket: BucketRecord, object?: ObjectAclFields): boolean {
  if (grants(bucketAcl(bucket), BUCKET_PERMISSIONS, principal, action)) return true;
  return object !== undefined && OBJECT_ACL_ACTIONS.has(action) && grants(objectAcl(bucket, object), OBJECT_PERMISSIONS, principal, action);
}

function grants(acl: Acl, table: Table, principal: Principal, action: Action): boolean {
  return acl.grants.some(
    (g) => covers(g.grantee, principal) && (g.permission === 'FULL_CONTROL' ? Object.values(table).flat() : table[g.permission]).includes(action),
  );
}

/** AllUsers is everyone, signed or not; AuthenticatedUsers any signed user of any account; a user id that user wherever it signs from. */
function covers(grantee: AclGrantee, principal: Principal): boolean {
  if (grantee.type === 'user') return principal.kind === 'user' && principal.userId === grantee.id;
  return grantee.group === 'AllUsers' || principal.kind === 'user';
}
