// Who a Keystone token stands for: `resolveToken` checks a token (signature, expiry, revocation)
// and finds its principal (role capped by its application credential) and that credential;
// `keystoneCaller` does it for the caller's X-Auth-Token, answering 401 whatever was wrong.
import type { Request } from 'express';
import { applicationCredentialIdOf, ApplicationCredentialRecord, principalOfToken, TOKEN_KINDS, UserPrincipal, VerifiedToken } from '@gw/auth';
import { GatewayError, isGatewayError } from '@gw/core';
import type { SwiftServices } from '../routing/swift-operation';

export interface ResolvedToken {
  token: VerifiedToken;
  principal: UserPrincipal;
  applicationCredential?: ApplicationCredentialRecord;
}

/** A live X-Auth-Token with its principal and credential; throws the failure (TokenError, AccessDenied, NotFound). */
export async function resolveToken(services: SwiftServices, value: string): Promise<ResolvedToken> {
  const token = await services.tokens.verify(value, { kind: TOKEN_KINDS.authToken });
  const principal = await principalOfToken(services.identity, token);
  const credentialId = applicationCredentialIdOf(token);
  const applicationCredential = credentialId === undefined ? undefined : await services.identity.applicationCredentials.get(token.userId, credentialId);
  return { token, principal, applicationCredential };
}

/** The caller of an identity route, from its X-Auth-Token; Unauthorized when absent or not live. */
export async function keystoneCaller(services: SwiftServices, req: Request): Promise<ResolvedToken> {
  const value = req.get('x-auth-token');
  if (!value) throw new GatewayError('Unauthorized');
  return resolveToken(services, value).catch((error: unknown) => {
    if (isGatewayError(error) && error.status < 500) throw new GatewayError('Unauthorized');
    throw error;
  });
}

/** True when the caller's token came from an application credential that is not unrestricted. */
export const isRestricted = (caller: ResolvedToken): boolean => caller.applicationCredential !== undefined && !caller.applicationCredential.unrestricted;
