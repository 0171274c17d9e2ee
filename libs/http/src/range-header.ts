import type { RangeRequest } from '@gw/core';

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

/**
 * Parses a `Range` header of one byte range (RFC 9110 §14.1.2). A header that is absent,
 * malformed, multi-range or not in bytes is ignored — the whole object is served — as S3 and
 * Swift do; a well-formed but unsatisfiable range is the core's InvalidRange.
 */
export function parseRangeHeader(header: string | undefined): RangeRequest | undefined {
  const match = header === undefined ? null : SINGLE_RANGE.exec(header.trim());
  if (!match) return undefined;
  const [, first, last] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') return { suffixLength: Number(last) };
  if (last !== '' && Number(last) < Number(first)) return undefined;
  return { first: Number(first), last: last === '' ? undefined : Number(last) };
}
