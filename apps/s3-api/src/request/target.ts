import { GatewayError, HEX_ID } from '@gw/core';

/** What a path-style S3 URL addresses. */
export interface S3Target {
  kind: 'service' | 'bucket' | 'object';
  bucketName?: string;
  key?: string;
  /** From `/{accountId}:{bucket}` (how anonymous clients name a public bucket). */
  accountId?: string;
}

/**
 * Path-style addressing: `/` is the service, `/bucket` or `/bucket/` the bucket, `/bucket/key`
 * an object (the key is everything after the first slash, decoded once, slashes included).
 */
export function resolveTarget(rawPath: string): S3Target {
  const path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
  if (path === '') return { kind: 'service' };
  const slash = path.indexOf('/');
  const bucketPart = decode(slash < 0 ? path : path.slice(0, slash));
  const keyPart = slash < 0 ? '' : decode(path.slice(slash + 1));
  const { accountId, bucketName } = splitAccount(bucketPart);
  if (keyPart === '') return { kind: 'bucket', bucketName, accountId };
  return { kind: 'object', bucketName, key: keyPart, accountId };
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
