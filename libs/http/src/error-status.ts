/**
 * The HTTP status of a catalogue error on a dialect's wire: the catalogue's own status (S3's),
 * except where the dialect answers the same failure differently.
 *
 * API:
 * - `errorStatusMap(overrides)` -> a complete `Record<ErrorCode, number>`;
 * - `TOKEN_AUTH_FAILURES`: the overrides of the X-Auth-Token dialects (Swift, /v1_ext), where
 *   every failure to authenticate is 401 (S3 answers some of them 400 or 403).
 */
import { ERROR_CATALOGUE, ErrorCode } from '@gw/core';

export function errorStatusMap(overrides: Partial<Record<ErrorCode, number>>): Readonly<Record<ErrorCode, number>> {
  const codes = Object.keys(ERROR_CATALOGUE) as ErrorCode[];
  return Object.freeze(Object.fromEntries(codes.map((code) => [code, overrides[code] ?? ERROR_CATALOGUE[code].status])) as Record<ErrorCode, number>);
}

export const TOKEN_AUTH_FAILURES: Partial<Record<ErrorCode, number>> = {
  AuthorizationHeaderMalformed: 401,
  AuthorizationQueryParametersError: 401,
  InvalidToken: 401,
  ExpiredToken: 401,
  InvalidAccessKeyId: 401,
  SignatureDoesNotMatch: 401,
  RequestTimeTooSkewed: 401,
  NoSuchUser: 401,
  NoSuchCredential: 401,
};
