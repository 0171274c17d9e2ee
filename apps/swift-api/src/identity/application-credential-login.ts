// The `application_credential` method of `POST /v3/auth/tokens` (OpenStack Identity API v3,
// "Authenticating with an Application Credential"): the credential by id, or by name with its
// user (by id, or by name and domain), and its secret. Anything wrong with the credential is a
// 401; a body without the needed fields a 400.
import type { AuthenticatedApplicationCredential } from '@gw/auth';
import { GatewayError, isGatewayError } from '@gw/core';
import type { SwiftServices } from '../routing/swift-operation';
import { NamedRef, nonEmpty, userRefOf } from './keystone-user-ref';

export interface ApplicationCredentialMethod {
  id?: unknown;
  name?: unknown;
  secret?: unknown;
  user?: NamedRef;
}

export async function loginWithApplicationCredential(services: SwiftServices, method: ApplicationCredentialMethod | undefined): Promise<AuthenticatedApplicationCredential> {
  const secret = nonEmpty(method?.secret);
  if (!method || secret === undefined) throw new GatewayError('BadRequest', 'Expecting auth.identity.application_credential with a secret.');
  const credentials = services.identity.applicationCredentials;
  const id = nonEmpty(method.id);
  if (id !== undefined) return credentials.authenticate({ id }, secret);
  const name = nonEmpty(method.name);
  if (name === undefined || typeof method.user !== 'object' || method.user === null) {
    throw new GatewayError('BadRequest', 'Expecting auth.identity.application_credential with an id, or a name and a user.');
  }
  const userId = await findUserId(services, method.user);
  return credentials.authenticate({ name, userId }, secret);
}

/** The id of the user a body names; Unauthorized when there is none such. */
async function findUserId(services: SwiftServices, user: NamedRef): Promise<string> {
  const ref = userRefOf(user, undefined);
  try {
    const account = ref.account === undefined ? undefined : await services.storage.accounts.find(ref.account);
    return (await services.identity.findUser(ref.user, account?.id)).id;
  } catch (error) {
    if (isGatewayError(error) && error.status < 500) throw new GatewayError('Unauthorized');
    throw error;
  }
}
