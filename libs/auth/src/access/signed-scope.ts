/**
 * What a verified signature grants (Swift TempURL, FormPost): some actions on one object, or on
 * the objects under a prefix, of one container. The signature functions of @gw/auth make scopes
 * (`verifiedScope`) only after checking a signature; the access decision point honours no other
 * object, so a dialect cannot grant itself access by building one.
 *
 * API:
 * - `verifiedScope(scope)`: marks a scope as made by a signature check (auth-internal).
 * - `signedScopeAllows(request)`: true when the request's `context.signedScope` is a verified
 *   scope covering its account, container, key and action (it never denies).
 */
import type { Action } from './actions';
import type { AccessRequest } from './decide';

export interface SignedScope {
  readonly kind: 'tempurl' | 'formpost';
  readonly accountId: string;
  /** The container name the signature covers. */
  readonly container: string;
  /** The one object key, or every key under `prefix` ('' is the whole container). */
  readonly target: { key: string } | { prefix: string };
  readonly actions: ReadonlySet<Action>;
}

const VERIFIED = new WeakSet<SignedScope>();

export function verifiedScope(scope: SignedScope): SignedScope {
  const frozen = Object.freeze({ ...scope });
  VERIFIED.add(frozen);
  return frozen;
}

export function signedScopeAllows({ action, resource, context }: AccessRequest): boolean {
  const scope = context?.signedScope;
  if (!scope || !VERIFIED.has(scope) || !scope.actions.has(action)) return false;
  if (scope.accountId !== resource.accountId || resource.bucket?.name !== scope.container || resource.key === undefined) return false;
  return 'key' in scope.target ? resource.key === scope.target.key : resource.key.startsWith(scope.target.prefix);
}
