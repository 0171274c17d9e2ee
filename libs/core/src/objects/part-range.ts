import { ObjectRecord, Queryable, repositories } from '@gw/metadata';
import { GatewayError } from '../errors';
import { assertPartNumber } from '../multipart/part-number';
import type { ResolvedRange } from './byte-range';

/**
 * The bytes of part N of an object (GET/HEAD with partNumber): a range of the object. A simple
 * object is its own part 1, as in S3; a part it does not have is InvalidPartNumber (416). An
 * empty object's part 1 is the whole (empty) object, not a range.
 */
export async function partRange(q: Queryable, object: ObjectRecord, partNumber: number): Promise<ResolvedRange | undefined> {
  assertPartNumber(partNumber);
  const part = object.partCount
    ? await repositories(q).objects.findPart(object.id, partNumber)
    : partNumber === 1
      ? { startOffset: 0, size: object.size }
      : undefined;
  if (object.size === 0 && part) return undefined;
  // An empty last part of a non-empty object has no byte range to name.
  if (!part || part.size === 0) throw new GatewayError('InvalidPartNumber', undefined, { PartNumberRequested: partNumber, ActualPartCount: object.partCount ?? 1 });
  return { start: part.startOffset, end: part.startOffset + part.size - 1, size: object.size };
}
