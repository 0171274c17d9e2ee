// Keystone v3 `POST /v3/auth/tokens` (OpenStack Identity API v3, "Password authentication with scoped authorization").
import type { Request, Response } from 'express';
import type { UserPrincipal } from '@gw/auth';
import { GatewayError } from '@gw/core';
import { storageUrl } from '../request/target';
import type { SwiftServices } from '../routing/swift-operation';
import { setCommonHeaders } from '../wire/common-headers';
import { issueAuthToken, loginWithPassword, PasswordLogin } from './password-login';
import { readJsonBody } from './read-json-body';

/** Accounts stand for Keystone projects; they all live in the one default domain. */
const DOMAIN = { id: 'default', name: 'Default' };

interface NamedRef {
  id?: unknown;
  name?: unknown;
  domain?: { id?: unknown; name?: unknown };
}

/**
 * The password method: the user by id, or by name with the project (account) it belongs to,
 * taken from the project scope (by id or name) or else from the user's domain. The token is
 * scoped to the user's own account; a scope naming another account is refused (401).
 */
export function keystoneTokens(services: SwiftServices) {
  return async (req: Request, res: Response): Promise<void> => {
    setCommonHeaders(res);
    const body = (await readJsonBody(req)) as { auth?: { identity?: { methods?: unknown; password?: { user?: NamedRef & { password?: unknown } } }; scope?: { project?: NamedRef } } };
    const identity = body?.auth?.identity;
    const methods = Array.isArray(identity?.methods) ? identity.methods : [];
    if (!methods.includes('password')) throw new GatewayError('Unauthorized', 'Only the password method is supported.');
    const user = identity?.password?.user;
    if (typeof user?.password !== 'string' || (typeof user.id !== 'string' && typeof user.name !== 'string')) throw new GatewayError('BadRequest', 'Expecting auth.identity.password.user with a password and an id or a name.');
    const project = body.auth?.scope?.project;
    const projectRef = str(project?.id) ?? str(project?.name);
    const principal = await loginWithPassword(services, loginOf(user as NamedRef & { password: string }, projectRef));
    if (projectRef !== undefined && projectRef !== principal.accountId && projectRef !== principal.accountName) throw new GatewayError('Unauthorized');

    const issued = await issueAuthToken(services, principal);
    res.setHeader('X-Subject-Token', issued.token);
    const document = JSON.stringify({
      token: {
        methods: ['password'],
        issued_at: issued.issuedAt.toISOString(),
        expires_at: issued.expiresAt.toISOString(),
        user: { id: principal.userId, name: principal.userName, domain: DOMAIN, password_expires_at: null },
        project: { id: principal.accountId, name: principal.accountName, domain: DOMAIN },
        roles: [{ id: principal.role, name: principal.role }],
        catalog: catalogOf(services, principal),
      },
    });
    res.status(201).setHeader('Content-Type', 'application/json');
    res.setHeader('Content-Length', Buffer.byteLength(document));
    res.end(document);
  };
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function loginOf(user: NamedRef & { password: string }, projectRef: string | undefined): PasswordLogin {
  const id = str(user.id);
  if (id !== undefined) return { user: id, password: user.password };
  // A user name is unique within its account: the scope names the account, else the user's domain does.
  const domain = str(user.domain?.id) ?? str(user.domain?.name);
  const account = projectRef ?? (domain !== undefined && domain.toLowerCase() !== DOMAIN.id ? domain : undefined);
  if (account === undefined) throw new GatewayError('Unauthorized');
  return { account, user: String(user.name), password: user.password };
}

/** The service catalog: the object-store endpoint of the user's account, on every interface. */
function catalogOf(services: SwiftServices, principal: UserPrincipal) {
  const url = storageUrl(services.publicUrl, principal.accountId);
  const region = services.storage.ctx.region;
  return [
    {
      id: 'object-store',
      type: 'object-store',
      name: 'swift',
      endpoints: ['public', 'internal', 'admin'].map((iface) => ({ id: `object-store-${iface}`, interface: iface, region, region_id: region, url })),
    },
  ];
}
