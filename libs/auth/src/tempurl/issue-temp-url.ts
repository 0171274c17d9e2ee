/**
 * The KakaoCloud temp URL issue call (Swift document, "Create temp URL for downloading object"):
 * `GET /v1/{account}/{bucket}/{path}?temp_url&temp_url_expires=N` answers
 * `{"url": "/v1/{account}/{bucket}/{path}?temp_url_sig=...&temp_url_expires=N", "sig": "..."}`.
 *
 * API: `issueTempUrl({ key, path, expires, method? })` -> `{ url, sig }`.
 * - `path` is the decoded object path `/v1/{account}/{bucket}/{object}`; the URL percent-encodes
 *   each segment (slashes kept) while the signature covers the decoded path, as Swift verifies it.
 * - `expires` is the Unix timestamp the spec's download section names ("Expiration timestamp in
 *   Unix epoch format"); `parseIssueExpires` reads the query value and rejects anything else
 *   with InvalidArgument.
 * - The signature is HMAC-SHA256 in hex, so the URL opens with the standard Swift TempURL check
 *   (`verifyTempUrl`) under the same key; the app picks the key (the account's Temp-URL-Key).
 */
import { GatewayError } from '@gw/core';
import { signTempUrl, tempUrlHmacBody } from './tempurl-signature';

export interface IssueTempUrlInput {
  key: string;
  path: string;
  expires: number;
  method?: string;
}

export interface IssuedTempUrl {
  url: string;
  sig: string;
}

export function issueTempUrl({ key, path, expires, method = 'GET' }: IssueTempUrlInput): IssuedTempUrl {
  const sig = signTempUrl(key, tempUrlHmacBody({ method, expires, path }), 'sha256');
  const encodedPath = path.split('/').map(encodeURIComponent).join('/');
  return { url: `${encodedPath}?temp_url_sig=${sig}&temp_url_expires=${expires}`, sig };
}

export function parseIssueExpires(value: string | undefined): number {
  if (value === undefined || !/^\d{1,12}$/.test(value)) {
    throw new GatewayError('InvalidArgument', 'temp_url_expires must be a Unix timestamp in seconds');
  }
  return Number(value);
}
