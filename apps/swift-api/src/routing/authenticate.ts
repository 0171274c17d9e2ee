import type { Request } from 'express';
import { principalOfAuthToken, Principal } from '@gw/auth';
import type { SwiftServices } from './swift-operation';

/**
 * The principal of a storage request: the user of its X-Auth-Token (X-Storage-Token), anonymous
 * without one (public containers). A bad, expired or revoked token, or a disabled user, is a 401
 * (InvalidToken / ExpiredToken render as 401 on the Swift wire).
 */
export function authenticate(services: SwiftServices, req: Request): Promise<Principal> {
  return principalOfAuthToken(services, req.get('x-auth-token') ?? req.get('x-storage-token'));
}
