import { SCOPE_TERMINATOR } from './constants';
import type { CredentialScope } from './canonical-request';

export interface Credential {
  accessKeyId: string;
  scope: CredentialScope;
}

/**
 * `<access key>/<YYYYMMDD>/<region>/<service>/aws4_request` -> parts, or null when malformed.
 * Read from the right so that an access key containing '/' (allowed by some S3 stores) still parses.
 */
export function parseCredential(value: string): Credential | null {
  const parts = value.split('/');
  if (parts.length < 5) return null;
  const [date, region, service, terminator] = parts.slice(-4);
  const accessKeyId = parts.slice(0, -4).join('/');
  if (terminator !== SCOPE_TERMINATOR || !/^\d{8}$/.test(date) || !region || !service || !accessKeyId) return null;
  return { accessKeyId, scope: { date, region, service } };
}

/** SignedHeaders (`host;range;x-amz-date`) -> lowercase names, or null when a name is empty or not a token. */
export function parseSignedHeaders(value: string): string[] | null {
  const names = value.split(';').map((name) => name.toLowerCase());
  return names.every((name) => /^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) ? names : null;
}
