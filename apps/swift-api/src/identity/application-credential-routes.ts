// Keystone v3 application credential management (OpenStack Identity API v3, "Application
// Credentials"): `POST` and `GET /v3/users/{user_id}/application_credentials` (create; list,
// `?name=` filters) and `GET`, `DELETE .../application_credentials/{id}`. The caller's
// X-Auth-Token must be the user's own (identity-policy.ts); the secret is answered once, at
// creation. Deleting a credential revokes every token issued from it.
import type { Request, Response } from 'express';
import { ApplicationCredentialRecord, authorizeIdentity, IdentityAction, NewApplicationCredentialInput } from '@gw/auth';
import { GatewayError } from '@gw/core';
import { queryParams } from '@gw/http';
import type { SwiftServices } from '../routing/swift-operation';
import { setCommonHeaders } from '../wire/common-headers';
import { isRestricted, keystoneCaller, ResolvedToken } from './keystone-caller';
import { sendJson } from './keystone-token-document';
import { readJsonBody } from './read-json-body';

type Handler = (services: SwiftServices, call: { req: Request; caller: ResolvedToken; userId: string }) => Promise<[number, object | undefined]>;

/** Runs a handler for the caller allowed to do `action` on the user of the path. */
function route(action: IdentityAction, handler: Handler) {
  return (services: SwiftServices) =>
    async (req: Request, res: Response): Promise<void> => {
      setCommonHeaders(res);
      const caller = await keystoneCaller(services, req);
      const userId = String(req.params.userId);
      authorizeIdentity({ caller: caller.principal, restrictedApplicationCredential: isRestricted(caller), action, owner: { userId, accountId: caller.principal.accountId } });
      const [status, document] = await handler(services, { req, caller, userId });
      sendJson(res, status, document);
    };
}

export const createApplicationCredential = route('identity:create_application_credential', async (services, { req, caller }) => {
  const input = parseCreate(await readJsonBody(req));
  const { credential, secret } = await services.identity.applicationCredentials.create(caller.principal, input);
  return [201, { application_credential: { ...credentialJson(services, credential), secret } }];
});

export const listApplicationCredentials = route('identity:list_application_credentials', async (services, { req, userId }) => {
  const name = queryParams(req).get('name') ?? undefined;
  const credentials = await services.identity.applicationCredentials.list(userId, name);
  const self = `${services.publicUrl}/v3/users/${userId}/application_credentials`;
  return [200, { application_credentials: credentials.map((c) => credentialJson(services, c)), links: { self, previous: null, next: null } }];
});

export const getApplicationCredential = route('identity:get_application_credential', async (services, { req, userId }) => {
  const credential = await services.identity.applicationCredentials.get(userId, String(req.params.id));
  return [200, { application_credential: credentialJson(services, credential) }];
});

export const deleteApplicationCredential = route('identity:delete_application_credential', async (services, { req, userId }) => {
  await services.identity.applicationCredentials.delete(userId, String(req.params.id));
  return [204, undefined];
});

/** A credential as Keystone shows it (never its secret or hash). */
function credentialJson(services: SwiftServices, c: ApplicationCredentialRecord) {
  return {
    id: c.id,
    name: c.name,
    description: c.description ?? null,
    user_id: c.userId,
    project_id: c.accountId,
    roles: c.roles.map((role) => ({ id: role, name: role, domain_id: null })),
    expires_at: c.expiresAt?.toISOString() ?? null,
    unrestricted: c.unrestricted,
    access_rules: [],
    links: { self: `${services.publicUrl}/v3/users/${c.userId}/application_credentials/${c.id}` },
  };
}

const invalid = (field: string, expected: string): GatewayError => new GatewayError('BadRequest', `Invalid input for field '${field}': ${expected}.`);

/** The body of a create request, checked field by field as Keystone's schema does (400 otherwise). */
function parseCreate(body: unknown): NewApplicationCredentialInput {
  const ac = (body as { application_credential?: unknown } | null)?.application_credential;
  if (typeof ac !== 'object' || ac === null || Array.isArray(ac)) throw new GatewayError('BadRequest', "'application_credential' is a required property.");
  const { name, description, secret, expires_at: expiresAt, roles, unrestricted, access_rules: accessRules } = ac as Record<string, unknown>;
  if (typeof name !== 'string') throw invalid('name', 'a string is required');
  if (description !== undefined && description !== null && typeof description !== 'string') throw invalid('description', 'a string or null is required');
  if (secret !== undefined && secret !== null && typeof secret !== 'string') throw invalid('secret', 'a string or null is required');
  if (unrestricted !== undefined && typeof unrestricted !== 'boolean') throw invalid('unrestricted', 'a boolean is required');
  // Access rules would narrow what the credential may call; refusing them beats ignoring them.
  if (accessRules !== undefined && !(Array.isArray(accessRules) && accessRules.length === 0)) throw invalid('access_rules', 'access rules are not supported by this service');
  return {
    name,
    ...(typeof description === 'string' && { description }),
    ...(typeof secret === 'string' && { secret }),
    ...(expiresAt !== undefined && expiresAt !== null && { expiresAt: parseExpiry(expiresAt) }),
    ...(roles !== undefined && { roles: parseRoles(roles) }),
    ...(unrestricted !== undefined && { unrestricted }),
  };
}

/** ISO 8601; without a zone it is UTC, as Keystone reads it. */
function parseExpiry(value: unknown): Date {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(value)) throw invalid('expires_at', 'an ISO 8601 date and time is required');
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  const date = new Date(zoned);
  if (Number.isNaN(date.getTime())) throw invalid('expires_at', 'an ISO 8601 date and time is required');
  return date;
}

/** `[{"name": "reader"}]` or `[{"id": "reader"}]`: role ids are their names here. */
function parseRoles(value: unknown): string[] {
  if (!Array.isArray(value)) throw invalid('roles', 'a list is required');
  return value.map((role: unknown) => {
    const ref = role as { id?: unknown; name?: unknown } | null;
    const named = typeof ref?.name === 'string' ? ref.name : typeof ref?.id === 'string' ? ref.id : undefined;
    if (named === undefined) throw invalid('roles', 'each role needs an id or a name');
    return named;
  });
}
