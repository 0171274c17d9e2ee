import { TOKEN_KINDS, UserPrincipal } from '@gw/auth';
import { GatewayError, isGatewayError } from '@gw/core';
import type { SwiftServices } from '../routing/swift-operation';

/** Lifetime of an X-Auth-Token: Swift's (tempauth, Keystone) default of one day. */
export const AUTH_TOKEN_TTL_SECONDS = 24 * 60 * 60;

export interface PasswordLogin {
  /** The account's name or id; without it the user must be named by id. */
  account?: string;
  /** The user's name (in `account`) or id. */
  user: string;
  password: string;
}

/**
 * Checks a user's password and returns the principal, or Unauthorized whatever was wrong (no
 * such account or user, a wrong password, a disabled user): a client learns nothing more.
 */
export async function loginWithPassword(services: SwiftServices, login: PasswordLogin): Promise<UserPrincipal> {
  try {
    const account = login.account === undefined ? undefined : await services.storage.accounts.find(login.account);
    const user = await services.identity.findUser(login.user, account?.id);
    if (!(await services.identity.checkPassword(user, login.password))) throw new GatewayError('Unauthorized');
    return await services.identity.principalOf(user.id);
  } catch (error) {
    if (isGatewayError(error) && error.status < 500) throw new GatewayError('Unauthorized');
    throw error;
  }
}

/** A new X-Auth-Token for the principal. */
export function issueAuthToken(services: SwiftServices, principal: UserPrincipal) {
  return services.tokens.issue({ userId: principal.userId, kind: TOKEN_KINDS.authToken, ttlSeconds: AUTH_TOKEN_TTL_SECONDS });
}
