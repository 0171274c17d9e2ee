import { GatewayError } from '@gw/core';
import { ALGORITHM, MAX_PRESIGNED_EXPIRES_SECONDS } from './constants';
import { parseCredential, parseSignedHeaders } from './credential';
import { parseAmzDate } from './amz-date';
import type { HeaderAuth } from './parse-header-auth';

/** The credentials of a presigned URL (X-Amz-* query parameters), before the checks common to both forms. */
export interface PresignedAuth extends HeaderAuth {
  expiresSeconds: number;
  securityToken?: string;
  /** X-Amz-Content-Sha256 of the query, when the signer put one there. */
  contentSha256?: string;
}

const REQUIRED = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Expires'];
const OPTIONAL = ['X-Amz-Security-Token', 'X-Amz-Content-Sha256'];

function queryError(message: string): GatewayError {
  return new GatewayError('AuthorizationQueryParametersError', message);
}

/** The authentication parameters of the query; each may appear once. */
function readParams(query: Array<[string, string]>): Map<string, string> {
  const params = new Map<string, string>();
  for (const [name, value] of query) {
    // smithy's presign hoists an x-amz-content-sha256 header into the query under its own (lowercase) name.
    const key = name === 'x-amz-content-sha256' ? 'X-Amz-Content-Sha256' : name;
    if (!REQUIRED.includes(key) && !OPTIONAL.includes(key)) continue;
    if (params.has(key)) throw queryError(`${key} appears more than once.`);
    params.set(key, value);
  }
  return params;
}

function readExpires(value: string): number {
  if (!/^-?\d+$/.test(value)) throw queryError('X-Amz-Expires should be a number');
  const seconds = Number(value);
  if (seconds < 0) throw queryError('X-Amz-Expires must be non-negative');
  if (seconds === 0) throw queryError('X-Amz-Expires must be at least 1 second');
  if (seconds > MAX_PRESIGNED_EXPIRES_SECONDS) {
    throw queryError(`X-Amz-Expires must be less than a week (in seconds) that is ${MAX_PRESIGNED_EXPIRES_SECONDS}`);
  }
  return seconds;
}

export function parsePresigned(query: Array<[string, string]>): PresignedAuth {
  const params = readParams(query);
  if (REQUIRED.some((name) => !params.get(name))) {
    throw queryError(
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, ' +
        'X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    );
  }
  const get = (name: string): string => params.get(name) as string;
  if (get('X-Amz-Algorithm') !== ALGORITHM) throw queryError(`X-Amz-Algorithm only supports "${ALGORITHM}"`);
  const credential = parseCredential(get('X-Amz-Credential'));
  if (!credential) {
    throw queryError(
      'Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; ' +
        'expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".',
    );
  }
  const requestTime = parseAmzDate(get('X-Amz-Date'));
  if (!requestTime) throw queryError(`X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`);
  const signedHeaders = parseSignedHeaders(get('X-Amz-SignedHeaders'));
  if (!signedHeaders) throw queryError('X-Amz-SignedHeaders is not a ;-separated list of header names.');

  return {
    ...credential,
    signedHeaders,
    signature: get('X-Amz-Signature'),
    amzDate: get('X-Amz-Date'),
    requestTime,
    expiresSeconds: readExpires(get('X-Amz-Expires')),
    securityToken: params.get('X-Amz-Security-Token'),
    contentSha256: params.get('X-Amz-Content-Sha256'),
  };
}
