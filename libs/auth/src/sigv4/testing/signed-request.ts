// Test helpers: turn the client-side signers' output into the SignableRequest a server would see.
import { presignUrl, type PresignUrlInput } from '../presign-url';
import { signRequestHeaders, type SignRequestInput } from '../sign-request';
import { splitUrl } from '../split-url';
import type { SignableRequest } from '../types';

export const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
export const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const NOW = new Date('2024-03-01T12:00:00Z');

type Overrides = Partial<Omit<SignRequestInput, 'url' | 'method'>>;

/** A header-signed request as received: the caller's headers plus host and the signer's headers. */
export function headerSignedRequest(method: string, url: string, overrides: Overrides = {}): SignableRequest {
  const input: SignRequestInput = {
    method, url, accessKeyId: ACCESS_KEY, secretKey: SECRET, region: 'kr-central-2', service: 's3', now: NOW,
    payloadHash: 'UNSIGNED-PAYLOAD', ...overrides,
  };
  const { authority, rawPath, rawQuery } = splitUrl(url);
  const headers: Record<string, string> = { host: authority };
  for (const [name, value] of Object.entries(input.headers ?? {})) headers[name.toLowerCase()] = value;
  Object.assign(headers, signRequestHeaders(input));
  return { method, rawPath, rawQuery, headers };
}

/** A presigned URL as received, with the headers the user of the URL sends. */
export function presignedRequest(
  method: string,
  url: string,
  overrides: Partial<Omit<PresignUrlInput, 'url' | 'method'>> = {},
  sentHeaders: Record<string, string> = {},
): SignableRequest {
  const signed = presignUrl({
    method, url, accessKeyId: ACCESS_KEY, secretKey: SECRET, region: 'kr-central-2', service: 's3',
    expiresSeconds: 3600, now: NOW, ...overrides,
  });
  const { authority, rawPath, rawQuery } = splitUrl(signed);
  return { method, rawPath, rawQuery, headers: { host: authority, ...overrides.headers, ...sentHeaders } };
}
