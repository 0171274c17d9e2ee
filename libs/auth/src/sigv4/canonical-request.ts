import { createHash } from 'node:crypto';
import { ALGORITHM, SCOPE_TERMINATOR } from './constants';
import { normaliseSignedHeaders } from './canonical-headers';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The date, region and service a signature is bound to (the middle of its Credential). */
export interface CredentialScope {
  /** YYYYMMDD */
  date: string;
  region: string;
  service: string;
}

/** `YYYYMMDD/region/service/aws4_request`, the scope line of every string to sign. */
export function scopeString(scope: CredentialScope): string {
  return `${scope.date}/${scope.region}/${scope.service}/${SCOPE_TERMINATOR}`;
}

export interface CanonicalRequestParts {
  method: string;
  /** Already canonical (see canonicalUri). */
  canonicalUri: string;
  /** Already canonical (see canonicalQuery). */
  canonicalQuery: string;
  /** The block from canonicalHeaders, each line ending in '\n'. */
  canonicalHeaders: string;
  signedHeaders: readonly string[];
  payloadHash: string;
}

export function canonicalRequest(parts: CanonicalRequestParts): string {
  return [
    parts.method,
    parts.canonicalUri,
    parts.canonicalQuery,
    parts.canonicalHeaders,
    normaliseSignedHeaders(parts.signedHeaders).join(';'),
    parts.payloadHash,
  ].join('\n');
}

/** `AWS4-HMAC-SHA256\n<amzDate>\n<scope>\n<hex sha256 of the canonical request>` */
export function stringToSign(amzDate: string, scope: CredentialScope | string, canonical: string): string {
  const scopeLine = typeof scope === 'string' ? scope : scopeString(scope);
  return `${ALGORITHM}\n${amzDate}\n${scopeLine}\n${sha256Hex(canonical)}`;
}
