import { GatewayError, HEX_ID } from '@gw/core';

/** What an S3 URL addresses. */
export interface S3Target {
  kind: 'service' | 'bucket' | 'object';
  bucketName?: string;
  key?: string;
  /** From `/{accountId}:{bucket}` (how anonymous clients name a public bucket). */
  accountId?: string;
  /** Set when the Host header named the bucket (virtual-host style); SigV2 signs it as a path prefix. */
  hostBucket?: string;
}

/**
 * Which bucket, key or the service a request addresses.
 * - Virtual-host style, when a domain is configured (S3_DOMAIN) and the Host is
 *   `{bucket}.{domain}[:port]`: the Host names the bucket and the whole path is the key.
 * - Path style otherwise: `/` is the service, `/bucket` or `/bucket/` the bucket, `/bucket/key`
 *   an object (the key is everything after the first slash, decoded once, slashes included);
 *   `/{accountId}:{bucket}` names another account's (public) bucket, in path style only.
 */
export function resolveTarget(rawPath: string, host?: string, domain?: string): S3Target {
  const path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
  const hostBucket = host !== undefined && domain !== undefined ? bucketOfHost(host, domain) : undefined;
  if (hostBucket !== undefined) {
    const key = decode(path);
    return key === '' ? { kind: 'bucket', bucketName: hostBucket, hostBucket } : { kind: 'object', bucketName: hostBucket, key, hostBucket };
  }
  if (path === '') return { kind: 'service' };
  const slash = path.indexOf('/');
  const bucketPart = decode(slash < 0 ? path : path.slice(0, slash));
  const keyPart = slash < 0 ? '' : decode(path.slice(slash + 1));
  const { accountId, bucketName } = splitAccount(bucketPart);
  if (keyPart === '') return { kind: 'bucket', bucketName, accountId };
  return { kind: 'object', bucketName, key: keyPart, accountId };
}

/** `photos.s3.example.com:8080` under `s3.example.com` -> `photos`; undefined for the domain itself or another host. */
function bucketOfHost(host: string, domain: string): string | undefined {
  const name = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  const suffix = `.${domain.toLowerCase()}`;
  if (!name.endsWith(suffix) || name.length === suffix.length) return undefined;
  return name.slice(0, -suffix.length);
}

function splitAccount(bucketPart: string): { accountId?: string; bucketName: string } {
  const colon = bucketPart.indexOf(':');
  if (colon < 0) return { bucketName: bucketPart };
  const accountId = bucketPart.slice(0, colon);
  if (!HEX_ID.test(accountId)) throw new GatewayError('InvalidBucketName', undefined, { BucketName: bucketPart });
  return { accountId, bucketName: bucketPart.slice(colon + 1) };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new GatewayError('InvalidURI');
  }
}
