import type { BucketRecord } from '@gw/metadata';
import { GatewayError } from '@gw/core';
import type { Principal } from '../principal';
import { Action, READ_ACTIONS } from './actions';

export interface AccessRequest {
  principal: Principal;
  action: Action;
  resource: {
    /** The account that owns the resource (the bucket's, or the one a new bucket goes into). */
    accountId: string;
    bucket?: BucketRecord;
    key?: string;
  };
  context?: { sourceIp?: string };
}

export type Decision = { effect: 'allow' } | { effect: 'deny'; reason: string };

/**
 * The one access decision point of the gateway: every dialect asks here, none decides itself.
 * Deny wins over allow. Today it knows account ownership and user roles; bucket ACLs, public
 * access with IP allow lists and KOS policies join here as further statements.
 */
export function decide(request: AccessRequest): Decision {
  const { principal, action, resource } = request;
  if (principal.kind === 'anonymous') return deny('anonymous requests are not allowed here');
  if (principal.accountId !== resource.accountId) return deny('the resource belongs to another account');
  if (principal.role === 'reader' && !READ_ACTIONS.has(action)) return deny(`the reader role may not ${action}`);
  return { effect: 'allow' };
}

/** `decide`, throwing AccessDenied on a deny. */
export function authorize(request: AccessRequest): void {
  const decision = decide(request);
  if (decision.effect === 'deny') throw new GatewayError('AccessDenied');
}

const deny = (reason: string): Decision => ({ effect: 'deny', reason });
