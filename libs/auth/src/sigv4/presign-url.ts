import { GatewayError } from '@gw/core';
import { ALGORITHM, MAX_PRESIGNED_EXPIRES_SECONDS, UNSIGNED_PAYLOAD } from './constants';
import { formatAmzDate } from './amz-date';
import { canonicalHeaders } from './canonical-headers';
import { canonicalQuery } from './canonical-query';
import { canonicalRequest, scopeString, stringToSign } from './canonical-request';
import { canonicalUri } from './canonical-uri';
import { deriveSigningKey, signature } from './signing-key';
import { splitUrl } from './split-url';
import { uriEncode } from './uri-encode';

export interface PresignUrlInput {
  method: string;
  /** Absolute URL, path and query already percent-encoded as they will be sent. */
  url: string;
  accessKeyId: string;
  secretKey: string;
  region: string;
  service: string;
  /** 1..604800 */
  expiresSeconds: number;
  now: Date;
  securityToken?: string;
  /** Headers the user of the URL must send exactly (e.g. content-type); host is always signed. */
  headers?: Record<string, string>;
}

/**
 * Query-string authentication (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html):
 * the URL with X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders[, -Security-Token]
 * and -Signature appended. The payload is UNSIGNED-PAYLOAD: the body does not exist yet.
 */
export function presignUrl(input: PresignUrlInput): string {
  const { expiresSeconds } = input;
  if (!Number.isInteger(expiresSeconds) || expiresSeconds < 1 || expiresSeconds > MAX_PRESIGNED_EXPIRES_SECONDS) {
    throw new GatewayError('InvalidArgument', `Expires must be between 1 and ${MAX_PRESIGNED_EXPIRES_SECONDS} seconds.`, {
      ArgumentName: 'X-Amz-Expires',
      ArgumentValue: expiresSeconds,
    });
  }
  const { scheme, authority, rawPath, rawQuery } = splitUrl(input.url);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) headers[name.toLowerCase()] = value;
  headers.host ??= authority;
  const signedHeaders = Object.keys(headers).sort();

  const amzDate = formatAmzDate(input.now);
  const scope = { date: amzDate.slice(0, 8), region: input.region, service: input.service };
  const params: Array<[string, string]> = [
    ['X-Amz-Algorithm', ALGORITHM],
    ['X-Amz-Credential', `${input.accessKeyId}/${scopeString(scope)}`],
    ['X-Amz-Date', amzDate],
    ['X-Amz-Expires', String(expiresSeconds)],
    ['X-Amz-SignedHeaders', signedHeaders.join(';')],
  ];
  if (input.securityToken !== undefined) params.push(['X-Amz-Security-Token', input.securityToken]);
  const query = [rawQuery, ...params.map(([k, v]) => `${k}=${uriEncode(v, true)}`)].filter((p) => p !== '').join('&');

  const canonical = canonicalRequest({
    method: input.method,
    canonicalUri: canonicalUri(rawPath),
    canonicalQuery: canonicalQuery(query),
    canonicalHeaders: canonicalHeaders(signedHeaders, headers),
    signedHeaders,
    payloadHash: UNSIGNED_PAYLOAD,
  });
  const key = deriveSigningKey(input.secretKey, scope.date, scope.region, scope.service);
  const sig = signature(key, stringToSign(amzDate, scope, canonical));
  return `${scheme}://${authority}${rawPath}?${query}&X-Amz-Signature=${sig}`;
}
