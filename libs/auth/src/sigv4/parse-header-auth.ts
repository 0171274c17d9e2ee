import { GatewayError } from '@gw/core';
import { ALGORITHM } from './constants';
import { parseCredential, parseSignedHeaders } from './credential';
import { formatAmzDate, parseAmzDate, parseHttpDate } from './amz-date';
import { headerValue } from './header-value';
import type { SignableRequest } from './types';
import type { CredentialScope } from './canonical-request';

/** The credentials of an `Authorization: AWS4-HMAC-SHA256 ...` request, before the checks common to both forms. */
export interface HeaderAuth {
  accessKeyId: string;
  scope: CredentialScope;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  requestTime: Date;
}

function malformed(reason: string): GatewayError {
  return new GatewayError('AuthorizationHeaderMalformed', `The authorization header is malformed; ${reason}`);
}

const CREDENTIAL_HINT = 'the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".';

/** Splits `Credential=..., SignedHeaders=..., Signature=...` (commas with or without spaces, any order). */
function readFields(rest: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const part of rest.split(',')) {
    const item = part.trim();
    const eq = item.indexOf('=');
    if (eq <= 0) throw malformed(`unexpected "${item}".`);
    const key = item.slice(0, eq).trim();
    if (!['Credential', 'SignedHeaders', 'Signature'].includes(key)) throw malformed(`unexpected "${key}".`);
    if (fields.has(key)) throw malformed(`"${key}" appears twice.`);
    fields.set(key, item.slice(eq + 1).trim());
  }
  return fields;
}

/** The request time of a header-signed request: x-amz-date, else the Date header (x-amz-date wins when both). */
function readRequestTime(req: SignableRequest): { amzDate: string; requestTime: Date } {
  const amz = headerValue(req.headers, 'x-amz-date');
  const date = amz !== undefined ? parseAmzDate(amz) : parseHttpDate(headerValue(req.headers, 'date') ?? '');
  // AWS's answer for a missing or unreadable date, word for word.
  if (!date) throw new GatewayError('AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header');
  return { amzDate: amz ?? formatAmzDate(date), requestTime: date };
}

export function parseHeaderAuth(req: SignableRequest, authorization: string): HeaderAuth {
  const value = authorization.trim();
  const space = value.search(/\s/);
  const algorithm = space === -1 ? value : value.slice(0, space);
  // SigV2 (`AWS AKID:sig`) is read by ../sigv2 before SigV4 is tried; here it is only named.
  if (algorithm === 'AWS') throw malformed('Signature Version 2 is not supported.');
  if (algorithm !== ALGORITHM) throw malformed(`the authorization mechanism "${algorithm}" is not supported. Please use ${ALGORITHM}.`);

  const fields = readFields(space === -1 ? '' : value.slice(space + 1));
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (credential === undefined || signedHeaders === undefined || signature === undefined || signature === '') {
    throw malformed('it must contain Credential, SignedHeaders and Signature.');
  }
  const parsedCredential = parseCredential(credential);
  if (!parsedCredential) throw malformed(CREDENTIAL_HINT);
  const names = parseSignedHeaders(signedHeaders);
  if (!names) throw malformed(`SignedHeaders "${signedHeaders}" is not a ';'-separated list of header names.`);

  return { ...parsedCredential, signedHeaders: names, signature, ...readRequestTime(req) };
}
