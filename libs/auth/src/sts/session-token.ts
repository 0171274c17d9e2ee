import { GatewayError } from '@gw/core';
import type { ResolvedAccessKey } from '../identity/identity-service';
import { TokenError } from '../tokens/token-error';
import { TOKEN_KINDS } from '../tokens/token-kinds';
import type { TokenService } from '../tokens/token-service';

/**
 * The X-Amz-Security-Token rule of S3: a request signed with temporary credentials carries the
 * session token they were issued with (AccessDenied without it, InvalidToken with another or a
 * revoked one, ExpiredToken once it ran out); a request signed with a permanent key carries none
 * (InvalidToken).
 */
export async function assertSessionToken(tokens: TokenService, key: ResolvedAccessKey, securityToken: string | undefined, now: Date): Promise<void> {
  const token = securityToken === '' ? undefined : securityToken;
  if (key.sessionJti === undefined) {
    if (token !== undefined) throw new GatewayError('InvalidToken');
    return;
  }
  if (token === undefined) {
    throw new GatewayError('AccessDenied', 'Requests signed with temporary credentials must carry their session token in X-Amz-Security-Token.');
  }
  let session;
  try {
    session = await tokens.verify(token, { kind: TOKEN_KINDS.stsSession }, now);
  } catch (error) {
    if (error instanceof TokenError && error.reason === 'expired') throw new GatewayError('ExpiredToken');
    if (error instanceof TokenError) throw new GatewayError('InvalidToken');
    throw error;
  }
  if (session.jti !== key.sessionJti) throw new GatewayError('InvalidToken');
}
