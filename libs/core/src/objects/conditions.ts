import { GatewayError } from '../errors';

/** The HTTP preconditions of RFC 9110 §13, shared by S3 and Swift reads. ETags unquoted. */
export interface ReadConditions {
  ifMatch?: string[];
  ifNoneMatch?: string[];
  ifModifiedSince?: Date;
  ifUnmodifiedSince?: Date;
}

/**
 * Evaluates preconditions in RFC order: If-Match (else If-Unmodified-Since) can fail with 412;
 * then If-None-Match (else If-Modified-Since) can end a read with 304. Times compare at whole
 * seconds, the resolution of HTTP dates.
 */
export function checkReadConditions(etag: string, lastModified: Date, c: ReadConditions): void {
  const modified = Math.floor(lastModified.getTime() / 1000);
  if (c.ifMatch) {
    if (!matchesAny(etag, c.ifMatch)) throw new GatewayError('PreconditionFailed', undefined, { Condition: 'If-Match' });
  } else if (c.ifUnmodifiedSince && modified > Math.floor(c.ifUnmodifiedSince.getTime() / 1000)) {
    throw new GatewayError('PreconditionFailed', undefined, { Condition: 'If-Unmodified-Since' });
  }
  if (c.ifNoneMatch) {
    if (matchesAny(etag, c.ifNoneMatch)) throw notModified(etag, lastModified);
  } else if (c.ifModifiedSince && modified <= Math.floor(c.ifModifiedSince.getTime() / 1000)) {
    throw notModified(etag, lastModified);
  }
}

/** A 304 still names the representation (RFC 9110 §15.4.5): the dialect sends these as headers. */
function notModified(etag: string, lastModified: Date): GatewayError {
  return new GatewayError('NotModified', undefined, { ETag: etag, LastModified: lastModified.toISOString() });
}

function matchesAny(etag: string, candidates: string[]): boolean {
  return candidates.some((candidate) => candidate === '*' || candidate === etag);
}
