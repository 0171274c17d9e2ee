import { GatewayError } from '@gw/core';
import type { IdentityService } from '../identity/identity-service';
import { principalOfToken } from '../identity/token-principal';
import { ANONYMOUS, Principal } from '../principal';
import type { TokenService } from './token-service';
import { TOKEN_KINDS } from './token-kinds';

/**
 * The principal of an X-Auth-Token, as the Swift and /v1_ext dialects take it: anonymous without
 * a token; the user of a valid auth token otherwise. A bad, expired or revoked token is the
 * token service's error (InvalidToken / ExpiredToken); a user or account disabled since the
 * token was issued no longer authenticates anyone (Unauthorized).
 */
export async function principalOfAuthToken(services: { tokens: TokenService; identity: IdentityService }, token: string | undefined): Promise<Principal> {
  if (!token) return ANONYMOUS;
  const verified = await services.tokens.verify(token, { kind: TOKEN_KINDS.authToken });
  // A token of an application credential carries the credential's role at most.
  return principalOfToken(services.identity, verified).catch(() => {
    throw new GatewayError('Unauthorized');
  });
}
