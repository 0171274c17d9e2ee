import type { Request } from 'express';
import { ANONYMOUS, Principal, TOKEN_KINDS } from '@gw/auth';
import { GatewayError } from '@gw/core';
import type { SwiftServices } from './swift-operation';

/**
 * The principal of a storage request: the user of its X-Auth-Token (X-Storage-Token), anonymous
 * without one (public containers). A bad, expired or revoked token, or a disabled user, is a 401
 * (InvalidToken / ExpiredToken render as 401 on the Swift wire).
 */
export async function authenticate(services: SwiftServices, req: Request): Promise<Principal> {
  const token = req.get('x-auth-token') ?? req.get('x-storage-token');
  if (!token) return ANONYMOUS;
  const verified = await services.tokens.verify(token, { kind: TOKEN_KINDS.authToken });
  // A token of a user or account disabled since it was issued no longer authenticates anyone.
  return services.identity.principalOf(verified.userId).catch(() => {
    throw new GatewayError('Unauthorized');
  });
}
