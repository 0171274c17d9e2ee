import { BucketRecord, GatewayError, ObjectAclFields } from '@gw/core';
import type { Principal } from '../principal';
import { aclAllows } from './acl-grants';
import { Action, READ_ACTIONS } from './actions';
import { containerAclAllows } from './container-acl-grants';
import { SignedScope, signedScopeAllows } from './signed-scope';
import { publicAccessStatement } from './public-access-statement';

export interface AccessRequest {
  principal: Principal;
  action: Action;
  resource: {
    /** The account that owns the resource (the bucket's, or the one a new bucket goes into). */
    accountId: string;
    /** The bucket, with its ACL. */
    bucket?: BucketRecord;
    key?: string;
    /** The object's owner and ACL, for the actions its ACL can allow (see OBJECT_ACL_ACTIONS). */
    object?: ObjectAclFields;
  };
  /**
   * `sourceIp`: the client's address (see @gw/http `clientAddress`), which bucket IP allow lists
   * match; `referer`: the Referer header, which Swift container read ACLs (`.r:`) match;
   * `signedScope`: what a verified Swift TempURL / FormPost signature grants (see signed-scope.ts).
   */
  context?: { sourceIp?: string; referer?: string; signedScope?: SignedScope };
}

export type Decision = { effect: 'allow' } | { effect: 'deny'; reason: string };

/** One source of permissions: it allows, denies, or says nothing about a request. */
type Statement = (request: AccessRequest) => 'allow' | 'deny' | undefined;

/**
 * The sources the decision weighs. Any deny wins over every allow; without an allow the answer
 * is deny. KOS policies join here as a further statement.
 */
const STATEMENTS: Statement[] = [accountRole, aclGrants, containerAclGrants, publicAccessStatement, signedGrant];

/**
 * The one access decision point of the gateway: every dialect asks here, none decides itself.
 * Permissions add up: a user's role in its own account, and the grants of the bucket's and the
 * object's ACLs to that user, to every authenticated user or to everyone.
 */
export function decide(request: AccessRequest): Decision {
  let allowed = false;
  for (const statement of STATEMENTS) {
    const effect = statement(request);
    if (effect === 'deny') return deny(`a statement denies ${request.action}`);
    if (effect === 'allow') allowed = true;
  }
  return allowed ? { effect: 'allow' } : deny(denialReason(request));
}

/** `decide`, throwing AccessDenied on a deny. */
export function authorize(request: AccessRequest): void {
  const decision = decide(request);
  if (decision.effect === 'deny') throw new GatewayError('AccessDenied');
}

/** Users work in their own account by role: a reader only reads. */
function accountRole({ principal, action, resource }: AccessRequest): 'allow' | undefined {
  if (principal.kind !== 'user' || principal.accountId !== resource.accountId) return undefined;
  return principal.role !== 'reader' || READ_ACTIONS.has(action) ? 'allow' : undefined;
}

/** ACL grants reach anyone they name, from any account or none. */
function aclGrants({ principal, action, resource }: AccessRequest): 'allow' | undefined {
  if (!resource.bucket) return undefined;
  return aclAllows(principal, action, resource.bucket, resource.object) ? 'allow' : undefined;
}

/** Swift container ACLs (X-Container-Read / -Write) reach referrers and the users they name. */
function containerAclGrants(request: AccessRequest): 'allow' | undefined {
  return containerAclAllows(request) ? 'allow' : undefined;
}

/** A verified TempURL or FormPost signature reaches whoever holds it, for what it names. */
function signedGrant(request: AccessRequest): 'allow' | undefined {
  return signedScopeAllows(request) ? 'allow' : undefined;
}

function denialReason({ principal, action, resource }: AccessRequest): string {
  if (principal.kind === 'anonymous') return `no ACL grant lets anonymous callers ${action}`;
  if (principal.accountId !== resource.accountId) return `the resource belongs to another account and no ACL grant allows ${action}`;
  return `the ${principal.role} role may not ${action}`;
}

const deny = (reason: string): Decision => ({ effect: 'deny', reason });
