import { ALGORITHM, EMPTY_SHA256 } from './constants';
import { formatAmzDate } from './amz-date';
import { canonicalHeaders } from './canonical-headers';
import { canonicalQuery } from './canonical-query';
import { canonicalRequest, scopeString, stringToSign } from './canonical-request';
import { canonicalUri } from './canonical-uri';
import { deriveSigningKey, signature } from './signing-key';
import { splitUrl } from './split-url';

export interface SignRequestInput {
  method: string;
  /** Absolute URL, path and query already percent-encoded as they will be sent. */
  url: string;
  /** Headers that will be sent and signed (any case); host defaults to the URL's authority. */
  headers?: Record<string, string>;
  /** x-amz-content-sha256 value; defaults to the header if given, else the hash of an empty body. */
  payloadHash?: string;
  accessKeyId: string;
  secretKey: string;
  region: string;
  service: string;
  now: Date;
  securityToken?: string;
}

/**
 * Headers a client would not sign: they are hop-by-hop or rewritten on the way (the list the
 * AWS SDK for JavaScript leaves out).
 */
const UNSIGNABLE = new Set([
  'authorization', 'cache-control', 'connection', 'expect', 'from', 'keep-alive', 'max-forwards', 'pragma',
  'referer', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'user-agent', 'x-amzn-trace-id',
]);

/**
 * Client side of header signing, for tests, tools and gateway-issued requests. Returns the headers
 * to add to the request (lowercase names): authorization, x-amz-date, and x-amz-content-sha256
 * (S3 requires it) and x-amz-security-token when they were not in `headers`.
 */
export function signRequestHeaders(input: SignRequestInput): Record<string, string> {
  const { authority, rawPath, rawQuery } = splitUrl(input.url);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) headers[name.toLowerCase()] = value;
  const added: Record<string, string> = {};
  const add = (name: string, value: string): void => {
    headers[name] = value;
    added[name] = value;
  };

  headers.host ??= authority;
  add('x-amz-date', formatAmzDate(input.now));
  const payloadHash = input.payloadHash ?? headers['x-amz-content-sha256'] ?? EMPTY_SHA256;
  if (input.service === 's3' && headers['x-amz-content-sha256'] === undefined) add('x-amz-content-sha256', payloadHash);
  if (input.securityToken !== undefined) add('x-amz-security-token', input.securityToken);

  const signedHeaders = Object.keys(headers).filter((name) => !UNSIGNABLE.has(name)).sort();
  const scope = { date: formatAmzDate(input.now).slice(0, 8), region: input.region, service: input.service };
  const canonical = canonicalRequest({
    method: input.method,
    canonicalUri: canonicalUri(rawPath),
    canonicalQuery: canonicalQuery(rawQuery),
    canonicalHeaders: canonicalHeaders(signedHeaders, headers),
    signedHeaders,
    payloadHash,
  });
  const key = deriveSigningKey(input.secretKey, scope.date, scope.region, scope.service);
  const sig = signature(key, stringToSign(added['x-amz-date'], scope, canonical));
  return {
    authorization:
      `${ALGORITHM} Credential=${input.accessKeyId}/${scopeString(scope)}, ` +
      `SignedHeaders=${signedHeaders.join(';')}, Signature=${sig}`,
    ...added,
  };
}
