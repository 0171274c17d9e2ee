import { AclGrant, Queryable, repositories } from '@gw/metadata';
import { GatewayError } from '../errors';
import { HEX_ID } from '../ids';
import type { AclInput } from './acl';
import { AclOwners, cannedGrants } from './canned-acl';

/** S3's limit on the grants of one ACL. */
export const MAX_ACL_GRANTS = 100;

/**
 * The grants to store for what a client asked: a canned ACL expanded for the owners, or
 * explicit grants checked (every user id names an existing user, the owner is not changed)
 * and without repeats. Runs before anything is written.
 */
export async function resolveAcl(q: Queryable, input: AclInput, owners: AclOwners): Promise<AclGrant[]> {
  if ('canned' in input) return cannedGrants(input.canned, owners);
  if (input.ownerUserId !== undefined && owners.owner !== undefined && input.ownerUserId !== owners.owner) {
    throw new GatewayError('AccessDenied', 'An ACL cannot change the owner of a bucket or object.');
  }
  if (input.grants.length > MAX_ACL_GRANTS) throw new GatewayError('MalformedACLError', `An ACL can have at most ${MAX_ACL_GRANTS} grants.`);
  const grants = withoutRepeats(input.grants);
  await assertUsersExist(q, grants);
  return grants;
}

async function assertUsersExist(q: Queryable, grants: AclGrant[]): Promise<void> {
  const users = repositories(q).users;
  const ids = new Set(grants.flatMap((g) => (g.grantee.type === 'user' ? [g.grantee.id] : [])));
  for (const id of ids) {
    if (!HEX_ID.test(id) || !(await users.findById(id))) {
      throw new GatewayError('InvalidArgument', 'Invalid id', { ArgumentName: 'CanonicalUser/ID', ArgumentValue: id });
    }
  }
}

function withoutRepeats(grants: AclGrant[]): AclGrant[] {
  const seen = new Set<string>();
  return grants.filter((g) => {
    const key = `${g.grantee.type}:${g.grantee.type === 'user' ? g.grantee.id : g.grantee.group}:${g.permission}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
