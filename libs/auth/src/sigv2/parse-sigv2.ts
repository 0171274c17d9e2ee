import { GatewayError } from '@gw/core';
import { parseQuery } from '../sigv4/canonical-query';
import { MAX_SKEW_MS } from '../sigv4/constants';
import { headerValue } from '../sigv4/header-value';
import type { ParsedSigV2, SigV2Request } from './types';

const QUERY_PARAMS = ['AWSAccessKeyId', 'Signature', 'Expires'];

/**
 * Reads the AWS Signature Version 2 credentials of a request: `Authorization: AWS AKID:signature`
 * or the query parameters AWSAccessKeyId, Expires and Signature. Returns null when the request
 * uses neither (SigV4 or anonymous). Refuses what S3 refuses before looking up a secret: a
 * malformed header, a missing or unreadable date, a clock more than 15 minutes off, an expired
 * URL, or two mechanisms at once.
 */
export function parseSigV2(req: SigV2Request, now: Date): ParsedSigV2 | null {
  const authorization = headerValue(req.headers, 'authorization');
  const query = req.rawQuery === '' ? [] : parseQuery(req.rawQuery);
  const params = new Map(query.filter(([name]) => QUERY_PARAMS.includes(name)));
  const headerV2 = authorization !== undefined && /^AWS(\s|$)/.test(authorization.trim());
  const queryV2 = params.has('AWSAccessKeyId') || params.has('Signature');
  if (!headerV2 && !queryV2) return null;
  if (authorization !== undefined && queryV2) throw onlyOneMechanism(authorization);
  if (headerV2 && query.some(([name]) => name === 'X-Amz-Algorithm')) throw onlyOneMechanism(authorization);

  const securityToken = headerValue(req.headers, 'x-amz-security-token') ?? query.find(([name]) => name.toLowerCase() === 'x-amz-security-token')?.[1];
  if (headerV2) return { ...parseHeader(authorization), presigned: false, dateElement: headerDate(req, now), securityToken };
  return { ...parseQueryAuth(params, now), presigned: true, securityToken };
}

function onlyOneMechanism(authorization: string): GatewayError {
  return new GatewayError(
    'InvalidArgument',
    'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter ' +
      'or the Authorization header should be specified',
    { ArgumentName: 'Authorization', ArgumentValue: authorization },
  );
}

function parseHeader(authorization: string): { accessKeyId: string; signature: string } {
  const credentials = authorization.trim().replace(/^AWS\s*/, '');
  const colon = credentials.lastIndexOf(':');
  const accessKeyId = colon < 0 ? '' : credentials.slice(0, colon).trim();
  const signature = colon < 0 ? '' : credentials.slice(colon + 1).trim();
  if (accessKeyId === '' || signature === '') {
    throw new GatewayError('InvalidArgument', 'AWS authorization header is invalid.  Expected AwsAccessKeyId:signature', {
      ArgumentName: 'Authorization',
      ArgumentValue: authorization,
    });
  }
  return { accessKeyId, signature };
}

/**
 * The date element of a header-signed request, after checking the request time: x-amz-date
 * (then the element is empty: the header is signed among the x-amz-* headers) or Date.
 */
function headerDate(req: SigV2Request, now: Date): string {
  const amzDate = headerValue(req.headers, 'x-amz-date');
  const date = headerValue(req.headers, 'date');
  const sent = amzDate ?? date;
  const time = sent === undefined ? NaN : parseHttpDate(sent);
  if (Number.isNaN(time)) throw new GatewayError('AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header');
  if (Math.abs(now.getTime() - time) > MAX_SKEW_MS) {
    throw new GatewayError('RequestTimeTooSkewed', undefined, {
      RequestTime: sent,
      ServerTime: now.toISOString(),
      MaxAllowedSkewMilliseconds: MAX_SKEW_MS,
    });
  }
  return amzDate !== undefined ? '' : (date as string);
}

/** RFC 1123 (`GMT` or a numeric zone, as s3cmd and boto send), RFC 850 or asctime; NaN otherwise. */
function parseHttpDate(value: string): number {
  if (!/^[A-Za-z]{3},? /.test(value.trim())) return NaN;
  return Date.parse(value);
}

function parseQueryAuth(params: Map<string, string>, now: Date): { accessKeyId: string; signature: string; dateElement: string } {
  const accessKeyId = params.get('AWSAccessKeyId');
  const signature = params.get('Signature');
  const expires = params.get('Expires');
  if (!accessKeyId || !signature || !expires) {
    throw new GatewayError('AccessDenied', 'Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters');
  }
  if (!/^\d{1,12}$/.test(expires)) throw new GatewayError('AccessDenied', `Invalid date (should be seconds since epoch): ${expires}`);
  const expiresAt = new Date(Number(expires) * 1000);
  if (now.getTime() > expiresAt.getTime()) {
    throw new GatewayError('AccessDenied', 'Request has expired', { Expires: expiresAt.toISOString(), ServerTime: now.toISOString() });
  }
  return { accessKeyId, signature, dateElement: expires };
}
