import { GatewayError } from '../errors';

/**
 * A requested byte range as the client wrote it: `first-last`, `first-` or `-suffixLength`
 * (RFC 9110 §14.1.2). Parsing the header is the dialect's job; resolving it against the
 * object's size is the core's.
 */
export type RangeRequest =
  | { first: number; last?: number; suffixLength?: undefined }
  | { first?: undefined; last?: undefined; suffixLength: number };

/** Inclusive range within an object of `size` bytes. */
export interface ResolvedRange {
  start: number;
  end: number;
  size: number;
}

export function resolveRange(range: RangeRequest, size: number): ResolvedRange {
  if (range.suffixLength !== undefined) {
    if (range.suffixLength === 0 || size === 0) throw invalidRange(size);
    return { start: Math.max(0, size - range.suffixLength), end: size - 1, size };
  }
  if (range.first >= size) throw invalidRange(size);
  const end = range.last === undefined ? size - 1 : Math.min(range.last, size - 1);
  return { start: range.first, end, size };
}

function invalidRange(size: number): GatewayError {
  return new GatewayError('InvalidRange', undefined, { ActualObjectSize: size });
}
