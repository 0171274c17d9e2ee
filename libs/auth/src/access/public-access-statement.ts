import { publicAccessOf, publicReadAllowedFrom } from '@gw/core';
import type { AccessRequest } from './decide';
import type { Action } from './actions';
import { signedScopeAllows } from './signed-scope';

/** What `read-only` public access lets anyone do: read objects (GET and HEAD), not list them. */
const PUBLIC_READ_ACTIONS: ReadonlySet<Action> = new Set<Action>(['storage.objects.get']);

/**
 * The /v1_ext public access of the bucket, for anonymous callers only (users of any account go
 * by their role and the ACLs). It stands beside the S3 and Swift ACLs as its own statement:
 * - `deny` refuses every anonymous request, whatever an ACL (public-read, `.r:*`) grants;
 * - `read-only` from an address outside a non-empty allow list refuses every anonymous request
 *   too (the list is the point of setting one);
 * - `read-only` from an allowed address allows object reads and says nothing about the rest,
 *   which an ACL may still allow;
 * - never set: says nothing.
 * A request that a verified TempURL / FormPost signature covers is not public access: the
 * signature is the account's own grant, and the setting says nothing about it.
 */
export function publicAccessStatement(request: AccessRequest): 'allow' | 'deny' | undefined {
  const { principal, action, resource, context } = request;
  if (principal.kind !== 'anonymous' || !resource.bucket || signedScopeAllows(request)) return undefined;
  const access = publicAccessOf(resource.bucket);
  if (!access) return undefined;
  if (!publicReadAllowedFrom(access, context?.sourceIp)) return 'deny';
  return PUBLIC_READ_ACTIONS.has(action) ? 'allow' : undefined;
}
