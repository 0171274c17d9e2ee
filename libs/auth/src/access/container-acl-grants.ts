/**
 * What a bucket's Swift container ACLs (X-Container-Read / -Write, parsed by @gw/core's
 * parseContainerAcl) allow, with the semantics of Swift's tempauth `authorize` and acl.py
 * `referrer_allowed`:
 * - read ACL, referrer rules: anyone whose Referer the rules allow may read objects; with
 *   `.rlistings` also list the container (and HEAD it). Rules apply in order, a negated match
 *   takes the allowance back; a missing or unparsable Referer is host `unknown`, so only `.r:*`
 *   lets it through.
 * - read ACL, user grants: list and read; write ACL, user grants: create and delete objects.
 *   `account:user`, `account:*`, `*:user`, `*:*` and `account`, matching an account by id,
 *   `AUTH_`id or name and a user by id or name.
 * API: `containerAclAllows(request)`: true when they allow it (they never deny).
 */
import { containerAclOf, ContainerAclGrants, ReferrerRule } from '@gw/core';
import type { Principal } from '../principal';
import type { Action } from './actions';
import type { AccessRequest } from './decide';

const OBJECT_READ: ReadonlySet<Action> = new Set<Action>(['storage.objects.get']);
const LISTING: ReadonlySet<Action> = new Set<Action>(['storage.objects.list', 'storage.buckets.get']);
const WRITE: ReadonlySet<Action> = new Set<Action>(['storage.objects.create', 'storage.objects.delete']);

export function containerAclAllows({ principal, action, resource, context }: AccessRequest): boolean {
  const acl = resource.bucket && containerAclOf(resource.bucket);
  if (!acl) return false;
  const read = acl.read?.grants;
  if (read && (OBJECT_READ.has(action) || LISTING.has(action))) {
    if (referrerAllowed(context?.referer, read.referrers) && (OBJECT_READ.has(action) || read.listings)) return true;
    if (namesPrincipal(read, principal)) return true;
  }
  const write = acl.write?.grants;
  return !!write && WRITE.has(action) && namesPrincipal(write, principal);
}

export function referrerAllowed(referer: string | undefined, rules: readonly ReferrerRule[]): boolean {
  let allow = false;
  const host = hostOf(referer);
  for (const rule of rules) {
    const matches = rule.host === host || (rule.host.startsWith('.') && host.endsWith(rule.host));
    if (!rule.allow) {
      if (matches) allow = false;
    } else if (rule.host === '*' || matches) allow = true;
  }
  return allow;
}

function hostOf(referer: string | undefined): string {
  try {
    return (referer && new URL(referer).hostname) || 'unknown';
  } catch {
    return 'unknown';
  }
}

function namesPrincipal(grants: ContainerAclGrants, principal: Principal): boolean {
  if (principal.kind !== 'user') return false;
  const accounts = new Set(['*', principal.accountId, `AUTH_${principal.accountId}`, principal.accountName]);
  const users = new Set(['*', principal.userId, principal.userName]);
  return grants.principals.some((g) => accounts.has(g.account) && (g.user === undefined ? g.account !== '*' : users.has(g.user)));
}
