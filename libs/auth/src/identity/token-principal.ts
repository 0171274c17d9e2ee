// The principal a verified X-Auth-Token stands for: its user as it is now (disabled users and
// accounts refused), with the role the token carries at most (a token issued from an
// application credential carries the credential's role).
import type { UserPrincipal } from '../principal';
import type { VerifiedToken } from '../tokens/token-service';
import { capPrincipal, roleCapOf } from './application-credentials';

export async function principalOfToken(identity: { principalOf(userId: string): Promise<UserPrincipal> }, token: VerifiedToken): Promise<UserPrincipal> {
  return capPrincipal(await identity.principalOf(token.userId), roleCapOf(token));
}
