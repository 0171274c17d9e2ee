// The token body Keystone answers token issue and validation with (OpenStack Identity API v3,
// "Password authentication with scoped authorization" / "Validate and show information for
// token"): methods, user, project (the account), roles, the object-store catalog, and for a token
// of an application credential the credential. Accounts stand for projects in one domain.
import type { Response } from 'express';
import type { ApplicationCredentialRecord, UserPrincipal } from '@gw/auth';
import { storageUrl } from '../request/target';
import type { SwiftServices } from '../routing/swift-operation';

export const DOMAIN = { id: 'default', name: 'Default' };

export interface TokenFacts {
  principal: UserPrincipal;
  issuedAt: Date;
  expiresAt: Date;
  /** The credential the token was issued from, if it was. */
  applicationCredential?: ApplicationCredentialRecord;
  /** False for `?nocatalog`. */
  catalog: boolean;
}

export function tokenDocument(services: SwiftServices, facts: TokenFacts): object {
  const { principal, applicationCredential } = facts;
  return {
    token: {
      methods: [applicationCredential ? 'application_credential' : 'password'],
      issued_at: facts.issuedAt.toISOString(),
      expires_at: facts.expiresAt.toISOString(),
      user: { id: principal.userId, name: principal.userName, domain: DOMAIN, password_expires_at: null },
      project: { id: principal.accountId, name: principal.accountName, domain: DOMAIN },
      roles: [{ id: principal.role, name: principal.role }],
      ...(applicationCredential && {
        application_credential: { id: applicationCredential.id, name: applicationCredential.name, restricted: !applicationCredential.unrestricted },
      }),
      ...(facts.catalog && { catalog: catalogOf(services, principal) }),
    },
  };
}

/** Writes a JSON answer with its length (HEAD: headers only). */
export function sendJson(res: Response, status: number, document: object | undefined): void {
  const body = document === undefined ? '' : JSON.stringify(document);
  res.status(status);
  if (document !== undefined) res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  if (res.req.method === 'HEAD' || status === 204) res.end();
  else res.end(body);
}

/**
 * The service catalog, on every interface: the object-store endpoint of the user's account, and
 * the identity endpoint itself (keystoneclient finds the application credential and token APIs
 * through it, as Keystone lists itself).
 */
function catalogOf(services: SwiftServices, principal: UserPrincipal) {
  const region = services.storage.ctx.region;
  const service = (type: string, name: string, url: string) => ({
    id: type,
    type,
    name,
    endpoints: ['public', 'internal', 'admin'].map((iface) => ({ id: `${type}-${iface}`, interface: iface, region, region_id: region, url })),
  });
  return [service('object-store', 'swift', storageUrl(services.publicUrl, principal.accountId)), service('identity', 'keystone', `${services.publicUrl}/v3`)];
}
