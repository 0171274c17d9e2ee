// How the Keystone v3 bodies name a user: by id, or by name in a domain. Accounts stand for
// Keystone projects and user names are unique within an account, so a user named by name is
// found in the account the scope names, else in the account its domain names (the domain
// "Default" names none).
import { GatewayError } from '@gw/core';
import { DOMAIN } from './keystone-token-document';

export interface NamedRef {
  id?: unknown;
  name?: unknown;
  domain?: { id?: unknown; name?: unknown };
}

/** A user as `loginWithPassword` and `findUser` take it: by id alone, or by name in an account. */
export interface UserRef {
  user: string;
  account?: string;
}

export const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The user a body names; Unauthorized when a name comes with no account to look it up in. */
export function userRefOf(user: NamedRef, projectRef: string | undefined): UserRef {
  const id = nonEmpty(user.id);
  if (id !== undefined) return { user: id };
  const name = nonEmpty(user.name);
  if (name === undefined) throw new GatewayError('BadRequest', 'Expecting to find id or name in user.');
  const domain = nonEmpty(user.domain?.id) ?? nonEmpty(user.domain?.name);
  const account = projectRef ?? (domain !== undefined && domain.toLowerCase() !== DOMAIN.id ? domain : undefined);
  if (account === undefined) throw new GatewayError('Unauthorized');
  return { account, user: name };
}
