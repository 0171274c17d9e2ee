/**
 * Access decisions on targets other than the one a request addresses: the destination of a COPY
 * or MOVE (maybe in another account: Destination-Account), the source of `X-Copy-From`, the
 * source a MOVE deletes, each entry of a bulk delete. Same decision point, same refusals as the
 * request lifecycle (handle-request.ts) gives its own target.
 *
 * API:
 * - `refusal(kind)`: Swift's answer to a deny (401 anonymous, 403 else).
 * - `findAccount(call, idOrName)`: the account, a refusal when there is none (nothing is told).
 * - `authorizeTarget(call, target, action)`: decides `action` on `target` ({ account, container,
 *   key? }) for the caller; throws the refusal on a deny, then NoSuchBucket when the container is
 *   missing; returns the container. `loadTarget` + `decideOnTarget` are its two halves, for
 *   callers that decide many keys of one container on one load.
 */
import { Action, decide, OBJECT_ACL_ACTIONS } from '@gw/auth';
import { AccessTarget, AccountRecord, BucketRecord, GatewayError, isGatewayError } from '@gw/core';
import type { SwiftCall } from './swift-operation';

export interface OtherTarget {
  account: AccountRecord;
  container: string;
  key?: string;
}

/** Swift answers an anonymous caller 401 (authenticate first) and a known one 403. */
export const refusal = (kind: 'user' | 'anonymous'): GatewayError => new GatewayError(kind === 'anonymous' ? 'Unauthorized' : 'AccessDenied');

export async function findAccount(call: Pick<SwiftCall, 'services' | 'principal'>, idOrName: string): Promise<AccountRecord> {
  return call.services.storage.accounts.find(idOrName).catch((error: unknown) => {
    if (isGatewayError(error) && error.code === 'NoSuchAccount') throw refusal(call.principal.kind);
    throw error;
  });
}

export async function authorizeTarget(call: SwiftCall, target: OtherTarget, action: Action): Promise<BucketRecord> {
  return decideOnTarget(call, target, await loadTarget(call, target, action), action);
}

/**
 * What the decision on `target` weighs: its container (undefined when missing) and, for actions
 * an object ACL can allow, the object's ACL. Without an object ACL to read, one load serves every
 * key of the container (bulk delete).
 */
export async function loadTarget(call: SwiftCall, target: OtherTarget, action: Action): Promise<AccessTarget | undefined> {
  const object = target.key !== undefined && OBJECT_ACL_ACTIONS.has(action) ? { key: target.key } : undefined;
  return call.services.storage.acls.accessTarget(target.account.id, target.container, object).catch((error: unknown) => {
    if (isGatewayError(error) && error.code === 'NoSuchBucket') return undefined;
    throw error;
  });
}

/** The decision on `target` with what `loadTarget` found: the refusal, NoSuchBucket, or the container. */
export function decideOnTarget(call: SwiftCall, target: OtherTarget, access: AccessTarget | undefined, action: Action): BucketRecord {
  const decision = decide({
    principal: call.principal,
    action,
    resource: { accountId: target.account.id, bucket: access?.bucket, key: target.key, object: access?.object },
    context: call.accessContext,
  });
  if (decision.effect === 'deny') throw refusal(call.principal.kind);
  // Only after the decision, so that a caller who may not look learns nothing about what exists.
  if (!access) throw new GatewayError('NoSuchBucket', undefined, { BucketName: target.container });
  return access.bucket;
}
