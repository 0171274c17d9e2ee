import { GatewayError } from '../errors';
import { compareKeys, prefixUpperBound } from './object-key';

/**
 * Where a listing reads: the rows of one kind (live objects, uploads, ...) in key byte order,
 * and how to name a position among them. `P` is the source's own position type, since rows
 * that share a key (uploads of one key, versions) need more than the key to resume after.
 */
export interface ListingSource<T, P> {
  /**
   * True for a source read backwards (descending key order, Swift's `reverse=true`): `after`,
   * `at` and `fetch` then move towards smaller keys, and `fetch` gets no `before` bound (the
   * prefix alone bounds it).
   */
  reverse?: boolean;
  keyOf(row: T): string;
  /** The position just after `row`. */
  after(row: T): P;
  /** The position at `key` (`inclusive`) or just after it. */
  at(key: string, inclusive: boolean): P;
  /** Up to `limit` rows from `from` (the start of the prefix when undefined) with keys below `before`. */
  fetch(from: P | undefined, before: string | undefined, limit: number): Promise<T[]>;
}

export interface ListingPage<T> {
  rows: T[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** The last row or common prefix returned: where the next page resumes. */
  last?: { row: T } | { prefix: string };
}

const BATCH = 1000;
const FIRST_DELIMITER_PROBE = 64;

/**
 * One page of a listing. With a delimiter, keys sharing the part of their name up to the
 * delimiter roll up into one common prefix, and the listing seeks past the whole prefix with one
 * probe instead of reading the rows under it: a page costs queries in proportion to what it
 * returns, whatever the number of rows. `start` comes from `startPosition` (null: nothing left).
 */
export async function listRolledUp<T, P>(
  source: ListingSource<T, P>,
  options: { prefix: string; delimiter?: string; maxKeys: number; start: P | undefined | null; until?: string },
): Promise<ListingPage<T>> {
  const { prefix, maxKeys } = options;
  const delimiter = options.delimiter || undefined;
  const page: ListingPage<T> = { rows: [], commonPrefixes: [], isTruncated: false };
  if (maxKeys <= 0) return page;

  const end = prefix && !source.reverse ? prefixUpperBound(prefix) : undefined;
  // `until` (Swift's end_marker) ends the listing at the first key that reaches it, in listing order.
  const reached = (key: string) => options.until !== undefined && compareKeys(key, options.until) * (source.reverse ? -1 : 1) >= 0;
  const returned = () => page.rows.length + page.commonPrefixes.length;
  let cursor = options.start;
  let lastPrefix: string | undefined;
  // Rows per probe: twice what the last probe added to the page. A probe that mostly read keys
  // under a common prefix (skipped) makes the next one small, so prefixes smaller than a batch
  // do not get every key under them read; one that added plenty grows batches back to full.
  // With a delimiter the first probe is small too: keys may roll up from the first one on.
  let probe = delimiter ? FIRST_DELIMITER_PROBE : BATCH;
  while (cursor !== null) {
    const limit = Math.min(probe, maxKeys - returned() + 1);
    const rows = await source.fetch(cursor, end, limit);
    const returnedBefore = returned();
    for (const row of rows) {
      if (reached(source.keyOf(row))) return page;
      const rolledUp = delimiter ? commonPrefixOf(source.keyOf(row), prefix, delimiter) : undefined;
      if (rolledUp !== undefined && rolledUp === lastPrefix) continue; // under a prefix already returned
      if (returned() === maxKeys) {
        page.isTruncated = true;
        return page;
      }
      if (rolledUp === undefined) {
        page.rows.push(row);
        page.last = { row };
      } else {
        page.commonPrefixes.push((lastPrefix = rolledUp));
        page.last = { prefix: rolledUp };
      }
    }
    if (rows.length < limit) break;
    probe = Math.min(BATCH, Math.max(2, 2 * (returned() - returnedBefore)));
    const lastRow = rows[rows.length - 1];
    cursor =
      lastPrefix !== undefined && source.keyOf(lastRow).startsWith(lastPrefix)
        ? seekPast(source, lastPrefix) // the batch ended inside a common prefix: skip the rest of it in one probe
        : source.after(lastRow);
  }
  return page;
}

/**
 * Where a listing that resumes after `marker` starts. A marker inside a common prefix (the
 * prefix itself, returned as the last entry of the previous page, or a key under it) resumes
 * after the whole prefix, so a prefix is never returned twice.
 */
export function startPosition<T, P>(
  source: ListingSource<T, P>,
  marker: string | undefined,
  prefix: string,
  delimiter: string | undefined,
): P | undefined | null {
  if (marker === undefined || marker === '') return undefined;
  if (delimiter && marker.startsWith(prefix)) {
    const rolledUp = commonPrefixOf(marker, prefix, delimiter);
    if (rolledUp !== undefined) return seekPast(source, rolledUp);
  }
  if (source.reverse) {
    // Every key under the prefix sorts at or after it: a marker there leaves nothing before it.
    if (compareKeys(marker, prefix) <= 0) return prefix ? null : undefined;
    const pastPrefix = prefix ? prefixUpperBound(prefix) : undefined;
    return pastPrefix !== undefined && compareKeys(marker, pastPrefix) >= 0 ? undefined : source.at(marker, false);
  }
  return compareKeys(marker, prefix) < 0 ? undefined : source.at(marker, false);
}

/** Postgres text cannot hold NUL: a listing parameter with one is refused, not failed in a query. */
export function assertListingParameter(name: string, value: string | undefined): void {
  if (value?.includes('\u0000')) throw new GatewayError('InvalidArgument', `The ${name} must not contain NUL.`, { ArgumentName: name });
}

function seekPast<T, P>(source: ListingSource<T, P>, commonPrefix: string): P | null {
  if (source.reverse) return source.at(commonPrefix, false); // every key under it sorts at or after it
  const pastPrefix = prefixUpperBound(commonPrefix);
  return pastPrefix === undefined ? null : source.at(pastPrefix, true);
}

function commonPrefixOf(key: string, prefix: string, delimiter: string): string | undefined {
  const at = key.indexOf(delimiter, prefix.length);
  return at < 0 ? undefined : key.slice(0, at + delimiter.length);
}
