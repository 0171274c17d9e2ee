import { createHmac } from 'node:crypto';

/** Base64 HMAC-SHA1 of the string to sign (request signatures and V2 POST policies alike). */
export function signatureV2(secretKey: string, toSign: string): string {
  return createHmac('sha1', secretKey).update(toSign, 'utf8').digest('base64');
}
