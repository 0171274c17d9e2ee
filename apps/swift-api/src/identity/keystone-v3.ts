// Keystone v3 `POST /v3/auth/tokens` (OpenStack Identity API v3, "Password authentication with
// scoped authorization" and "Authenticating with an Application Credential").
import type { Request, Response } from 'express';
import { AuthenticatedApplicationCredential, TOKEN_KINDS, UserPrincipal } from '@gw/auth';
import { GatewayError } from '@gw/core';
import { queryParams } from '@gw/http';
import type { SwiftServices } from '../routing/swift-operation';
import { setCommonHeaders } from '../wire/common-headers';
import { ApplicationCredentialMethod, loginWithApplicationCredential } from './application-credential-login';
import { tokenDocument, sendJson } from './keystone-token-document';
import { NamedRef, nonEmpty, userRefOf } from './keystone-user-ref';
import { AUTH_TOKEN_TTL_SECONDS, issueAuthToken, loginWithPassword } from './password-login';
import { readJsonBody } from './read-json-body';

interface TokenRequest {
  auth?: {
    identity?: { methods?: unknown; password?: { user?: NamedRef & { password?: unknown } }; application_credential?: ApplicationCredentialMethod };
    scope?: { project?: NamedRef };
  };
}

/**
 * The password method: the user by id, or by name with the project (account) it belongs to,
 * taken from the project scope (by id or name) or else from the user's domain. The
 * application_credential method: see application-credential-login.ts. The token is scoped to the
 * user's own account; a scope naming another account is refused (401). `?nocatalog` leaves the
 * catalog out.
 */
export function keystoneTokens(services: SwiftServices) {
  return async (req: Request, res: Response): Promise<void> => {
    setCommonHeaders(res);
    const body = (await readJsonBody(req)) as TokenRequest | null;
    const identity = body?.auth?.identity;
    const methods = identity?.methods;
    if (!Array.isArray(methods) || methods.length === 0) throw new GatewayError('BadRequest', "Invalid input for field 'identity/methods': a non-empty list is required.");
    const project = body?.auth?.scope?.project;
    const projectRef = nonEmpty(project?.id) ?? nonEmpty(project?.name);

    let principal: UserPrincipal;
    let fromCredential: AuthenticatedApplicationCredential | undefined;
    if (methods.includes('application_credential')) {
      fromCredential = await loginWithApplicationCredential(services, identity?.application_credential);
      principal = fromCredential.principal;
    } else if (methods.includes('password')) {
      const user = identity?.password?.user;
      if (typeof user?.password !== 'string') throw new GatewayError('BadRequest', 'Expecting auth.identity.password.user with a password and an id or a name.');
      principal = await loginWithPassword(services, { ...userRefOf(user, projectRef), password: user.password });
    } else {
      throw new GatewayError('Unauthorized', 'Attempted to authenticate with an unsupported method.');
    }
    if (projectRef !== undefined && projectRef !== principal.accountId && projectRef !== principal.accountName) throw new GatewayError('Unauthorized');

    const issued = fromCredential
      ? await services.tokens.issue(services.identity.applicationCredentials.tokenRequest(fromCredential, TOKEN_KINDS.authToken, AUTH_TOKEN_TTL_SECONDS))
      : await issueAuthToken(services, principal);
    res.setHeader('X-Subject-Token', issued.token);
    const catalog = !queryParams(req).has('nocatalog');
    sendJson(res, 201, tokenDocument(services, { principal, issuedAt: issued.issuedAt, expiresAt: issued.expiresAt, applicationCredential: fromCredential?.credential, catalog }));
  };
}
