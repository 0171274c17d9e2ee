import type { ObjectRead, ReadObjectInput } from '@gw/core';
import { bucketOf, S3Call } from '../routing/s3-operation';
import { writeRequestedChecksums } from './checksum-mode';
import { writeExpirationHeader } from './expiration-header';
import { writeBodyHeaders, writeObjectHeaders } from './object-headers';
import { writeResponseOverrides } from './response-overrides';
import { writeVersionHeader } from './version-headers';

/**
 * The status and headers of a GetObject or HeadObject answer: the object's own headers, version,
 * requested checksums, response overrides (which win over stored values), expiration, and the
 * length or range of the body.
 */
export function writeObjectReadAnswer(call: S3Call, input: ReadObjectInput, overrides: Record<string, string>, read: ObjectRead): void {
  const { res } = call;
  const { object, range } = read;
  writeObjectHeaders(res, object);
  writeVersionHeader(res, bucketOf(call), object.versionId);
  writeRequestedChecksums(res, call.req.headers, object, { range, partNumber: input.partNumber });
  writeResponseOverrides(res, overrides);
  writeExpirationHeader(res, bucketOf(call), object);
  writeBodyHeaders(res, object, range);
}
