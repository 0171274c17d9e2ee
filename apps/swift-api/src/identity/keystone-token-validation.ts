// Keystone v3 token validation and revocation (OpenStack Identity API v3, "Validate and show
// information for token", "Check token", "Revoke token"): `GET`, `HEAD` and `DELETE
// /v3/auth/tokens` with the caller's X-Auth-Token and the token in question in X-Subject-Token.
// A token that is not live is a 404; a caller may look at and revoke its own tokens, an admin of
// an account any token of that account (identity-policy.ts), others get a 403. Revoking a token
// revokes what was issued from it too (STS sessions).
import type { Request, Response } from 'express';
import { authorizeIdentity, IdentityAction } from '@gw/auth';
import { GatewayError, isGatewayError } from '@gw/core';
import { queryParams } from '@gw/http';
import type { SwiftServices } from '../routing/swift-operation';
import { setCommonHeaders } from '../wire/common-headers';
import { isRestricted, keystoneCaller, resolveToken, ResolvedToken } from './keystone-caller';
import { sendJson, tokenDocument } from './keystone-token-document';

/** `GET` (200 with the token body) and `HEAD` (200, no body). */
export function validateToken(services: SwiftServices) {
  return async (req: Request, res: Response): Promise<void> => {
    setCommonHeaders(res);
    const { subject, value } = await authorizedSubject(services, req, 'identity:validate_token');
    res.setHeader('X-Subject-Token', value);
    const { principal, token, applicationCredential } = subject;
    const catalog = !queryParams(req).has('nocatalog');
    sendJson(res, 200, tokenDocument(services, { principal, issuedAt: token.issuedAt, expiresAt: token.expiresAt, applicationCredential, catalog }));
  };
}

/** `DELETE`: 204; the token (and what descends from it) no longer authenticates anything. */
export function revokeToken(services: SwiftServices) {
  return async (req: Request, res: Response): Promise<void> => {
    setCommonHeaders(res);
    const { subject } = await authorizedSubject(services, req, 'identity:revoke_token');
    await services.tokens.revoke(subject.token.jti);
    sendJson(res, 204, undefined);
  };
}

/** The caller (401 when it is not authenticated), then the live subject token (404) it may act on (403). */
async function authorizedSubject(services: SwiftServices, req: Request, action: IdentityAction): Promise<{ subject: ResolvedToken; value: string }> {
  const caller = await keystoneCaller(services, req);
  const value = req.get('x-subject-token');
  if (!value) throw new GatewayError('BadRequest', 'Expecting to find X-Subject-Token in the request headers.');
  const subject = await resolveToken(services, value).catch((error: unknown) => {
    if (isGatewayError(error) && error.status < 500) throw new GatewayError('NotFound', 'Could not find token.');
    throw error;
  });
  authorizeIdentity({ caller: caller.principal, restrictedApplicationCredential: isRestricted(caller), action, owner: subject.principal });
  return { subject, value };
}
