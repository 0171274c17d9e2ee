import type { IncomingHttpHeaders } from 'node:http';
import type { Response } from 'express';
import { isChecksumAlgorithm, ObjectRecord, ResolvedRange } from '@gw/core';
import { writeChecksumHeaders } from './checksum-headers';

// A multipart object's checksum is the checksum of its part checksums, suffixed `-N`.
const COMPOSITE = /-\d+$/;

/**
 * `x-amz-checksum-mode: ENABLED` on GET or HEAD: the stored `x-amz-checksum-*` of the object,
 * with `x-amz-checksum-type` COMPOSITE (multipart, `...-N`) or FULL_OBJECT. Only when the answer
 * is the whole object (part 1 of a simple object is): a checksum of the whole next to a range
 * would fail the client's check, and a part of a multipart object has no stored checksum of its
 * own here. Current AWS SDKs ask for it on every GetObject and verify full-object values.
 */
export function writeRequestedChecksums(
  res: Response,
  headers: IncomingHttpHeaders,
  object: ObjectRecord,
  answer: { range?: ResolvedRange; partNumber?: number },
): void {
  if (String(headers['x-amz-checksum-mode'] ?? '').toUpperCase() !== 'ENABLED') return;
  const whole = answer.range === undefined || (answer.partNumber !== undefined && !object.partCount);
  if (!whole) return;
  const algorithms = Object.keys(object.checksums).filter(isChecksumAlgorithm);
  if (algorithms.length === 0) return;
  writeChecksumHeaders(res, object.checksums, algorithms);
  const composite = algorithms.some((algorithm) => COMPOSITE.test(object.checksums[algorithm]));
  res.setHeader('x-amz-checksum-type', composite ? 'COMPOSITE' : 'FULL_OBJECT');
}
