// Who may manage identities through the Keystone v3 API: Keystone's default policy for the
// operations the gateway serves, as pure functions. Storage access is `decide`; these actions
// act on tokens and application credentials, which have no bucket or account resource.
//   identity:validate_token, identity:revoke_token: the token's own user, or an admin of its account;
//   identity:*_application_credential(s): the credential's own user; creating and deleting
//   further ones is refused to a token of a restricted application credential.
import { GatewayError } from '@gw/core';
import type { UserPrincipal } from '../principal';

export type IdentityAction =
  | 'identity:validate_token'
  | 'identity:revoke_token'
  | 'identity:create_application_credential'
  | 'identity:list_application_credentials'
  | 'identity:get_application_credential'
  | 'identity:delete_application_credential';

export interface IdentityAccessRequest {
  /** The principal of the caller's X-Auth-Token (role capped by its application credential). */
  caller: UserPrincipal;
  /** True when the caller's token was issued from an application credential that is not unrestricted. */
  restrictedApplicationCredential: boolean;
  action: IdentityAction;
  /** The user the token or credential belongs to, and that user's account. */
  owner: { userId: string; accountId: string };
}

const MANAGING_CREDENTIALS: ReadonlySet<IdentityAction> = new Set(['identity:create_application_credential', 'identity:delete_application_credential']);

/** Throws AccessDenied (Keystone's 403) unless the policy allows the request. */
export function authorizeIdentity({ caller, restrictedApplicationCredential, action, owner }: IdentityAccessRequest): void {
  const self = caller.userId === owner.userId;
  const accountAdmin = caller.role === 'admin' && caller.accountId === owner.accountId;
  const tokenAction = action === 'identity:validate_token' || action === 'identity:revoke_token';
  if (!(self || (tokenAction && accountAdmin))) {
    throw new GatewayError('AccessDenied', `You are not authorized to perform the requested action: ${action}.`);
  }
  if (restrictedApplicationCredential && MANAGING_CREDENTIALS.has(action)) {
    throw new GatewayError('AccessDenied', "Using method 'application_credential' is not allowed for managing additional application credentials.");
  }
}
