import { createHmac, timingSafeEqual } from 'node:crypto';
import { SCOPE_TERMINATOR } from './constants';

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/**
 * kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
 * Pure: the result depends only on its four arguments, so a caller may memoise it per
 * (access key, day, region, service) and skip four HMACs per request.
 */
export function deriveSigningKey(secretKey: string, yyyymmdd: string, region: string, service: string): Buffer {
  const kDate = hmac('AWS4' + secretKey, yyyymmdd);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, SCOPE_TERMINATOR);
}

/** Lowercase hex HMAC-SHA256 of the string to sign. */
export function signature(signingKey: Buffer, toSign: string): string {
  return hmac(signingKey, toSign).toString('hex');
}

/**
 * Constant-time comparison of two hex signatures. Lengths are compared first (a length is not
 * secret, and timingSafeEqual requires equal lengths).
 */
export function timingSafeEqualHex(expected: string, provided: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(provided, 'utf8');
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}
