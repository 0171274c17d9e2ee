import { GatewayError } from '@gw/core';
import { MAX_SKEW_MS, UNSIGNED_PAYLOAD } from './constants';
import { parseQuery } from './canonical-query';
import { headerValue } from './header-value';
import { HeaderAuth, parseHeaderAuth } from './parse-header-auth';
import { parsePresigned } from './parse-presigned';
import { assertPayloadHash } from './payload-hash';
import type { ParsedSigV4, ParseSigV4Options, SignableRequest } from './types';

/**
 * x-amz-* headers a request may carry without signing them. x-amz-content-sha256 is bound anyway
 * (it is the last line of the canonical request), and S3 accepts it unsigned.
 */
const UNSIGNED_AMZ_HEADERS_ALLOWED = new Set(['x-amz-content-sha256']);

function notSigned(headers: string[]): GatewayError {
  return new GatewayError('AccessDenied', 'There were headers present in the request which were not signed', {
    HeadersNotSigned: headers.join(', '),
  });
}

/**
 * Signing must cover host, and every x-amz-* header sent: otherwise a captured presigned URL
 * could be replayed with x-amz-copy-source or x-amz-acl added. S3 answers both with AccessDenied.
 */
function assertHeadersSigned(req: SignableRequest, signedHeaders: string[]): void {
  const signed = new Set(signedHeaders);
  if (!signed.has('host')) throw notSigned(['host']);
  const unsigned = Object.keys(req.headers)
    .map((name) => name.toLowerCase())
    .filter((name) => name.startsWith('x-amz-') && !signed.has(name) && !UNSIGNED_AMZ_HEADERS_ALLOWED.has(name));
  if (unsigned.length > 0) throw notSigned(unsigned.sort());
}

function assertService(service: string, expected: string, presigned: boolean): void {
  if (service === expected) return;
  const reason = `incorrect service "${service}". This endpoint belongs to "${expected}".`;
  if (presigned) throw new GatewayError('AuthorizationQueryParametersError', `Error parsing the X-Amz-Credential parameter; ${reason}`);
  throw new GatewayError('AuthorizationHeaderMalformed', `The authorization header is malformed; ${reason}`);
}

function assertScopeDate(scopeDate: string, amzDate: string, presigned: boolean): void {
  if (scopeDate === amzDate.slice(0, 8)) return;
  const reason = 'Invalid credential date. Date is not the same as X-Amz-Date.';
  if (presigned) throw new GatewayError('AuthorizationQueryParametersError', reason);
  throw new GatewayError('AuthorizationHeaderMalformed', `The authorization header is malformed; ${reason}`);
}

function assertNotSkewed(requestTime: Date, amzDate: string, now: Date): void {
  if (Math.abs(now.getTime() - requestTime.getTime()) <= MAX_SKEW_MS) return;
  throw new GatewayError('RequestTimeTooSkewed', undefined, {
    RequestTime: amzDate,
    ServerTime: now.toISOString(),
    MaxAllowedSkewMilliseconds: MAX_SKEW_MS,
  });
}

function assertPresignedLive(requestTime: Date, expiresSeconds: number, now: Date): void {
  // A URL signed slightly in the future (client clock ahead) is fine, as for header skew.
  if (requestTime.getTime() - now.getTime() > MAX_SKEW_MS) {
    throw new GatewayError('AccessDenied', 'Request is not valid yet');
  }
  const expiresAt = new Date(requestTime.getTime() + expiresSeconds * 1000);
  if (now.getTime() > expiresAt.getTime()) {
    throw new GatewayError('AccessDenied', 'Request has expired', {
      'X-Amz-Expires': expiresSeconds,
      Expires: expiresAt.toISOString(),
      ServerTime: now.toISOString(),
    });
  }
}

/**
 * Reads the SigV4 credentials of a request, header-signed or presigned, and refuses whatever S3
 * refuses before looking up a secret: malformed credentials, wrong service, skewed or expired
 * time, unsigned headers, a bad x-amz-content-sha256. Returns null for an anonymous request.
 * Any region is accepted: clients default to us-east-1 and the scope's region is what they signed.
 */
export function parseSigV4(req: SignableRequest, now: Date, options: ParseSigV4Options): ParsedSigV4 | null {
  const authorization = headerValue(req.headers, 'authorization');
  const query = req.rawQuery === '' ? [] : parseQuery(req.rawQuery);
  const presigned = query.some(([key]) => key === 'X-Amz-Algorithm');
  if (authorization === undefined && !presigned) return null;
  if (authorization !== undefined && presigned) {
    throw new GatewayError(
      'InvalidArgument',
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter ' +
        'or the Authorization header should be specified',
      { ArgumentName: 'Authorization', ArgumentValue: authorization },
    );
  }

  if (presigned) {
    const auth = parsePresigned(query);
    assertService(auth.scope.service, options.service, true);
    assertScopeDate(auth.scope.date, auth.amzDate, true);
    assertPresignedLive(auth.requestTime, auth.expiresSeconds, now);
    assertHeadersSigned(req, auth.signedHeaders);
    // A presigned URL is made before the body exists, so its payload is unsigned unless the signer said otherwise.
    const payloadHash = auth.contentSha256 ?? headerValue(req.headers, 'x-amz-content-sha256') ?? UNSIGNED_PAYLOAD;
    assertPayloadHash(payloadHash);
    return parsedSigV4(auth, payloadHash, { presigned: true, expiresSeconds: auth.expiresSeconds, securityToken: auth.securityToken });
  }

  const auth = parseHeaderAuth(req, authorization as string);
  assertService(auth.scope.service, options.service, false);
  assertScopeDate(auth.scope.date, auth.amzDate, false);
  assertNotSkewed(auth.requestTime, auth.amzDate, now);
  assertHeadersSigned(req, auth.signedHeaders);
  let payloadHash = headerValue(req.headers, 'x-amz-content-sha256');
  if (payloadHash === undefined) {
    if (options.requireContentSha256 ?? true) {
      throw new GatewayError('InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
    }
    payloadHash = UNSIGNED_PAYLOAD;
  }
  assertPayloadHash(payloadHash);
  return parsedSigV4(auth, payloadHash, { presigned: false, securityToken: headerValue(req.headers, 'x-amz-security-token') });
}

/** The parse result of either form: what both share, plus what only one of them carries. */
function parsedSigV4(
  auth: HeaderAuth,
  payloadHash: string,
  form: { presigned: boolean; expiresSeconds?: number; securityToken?: string },
): ParsedSigV4 {
  return {
    accessKeyId: auth.accessKeyId,
    amzDate: auth.amzDate,
    requestTime: auth.requestTime,
    scope: auth.scope,
    signedHeaders: auth.signedHeaders,
    signature: auth.signature,
    payloadHash,
    presigned: form.presigned,
    ...(form.expiresSeconds !== undefined && { expiresSeconds: form.expiresSeconds }),
    ...(form.securityToken !== undefined && { securityToken: form.securityToken }),
  };
}
