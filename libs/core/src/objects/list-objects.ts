import { BucketRecord, ObjectRecord, repositories } from '@gw/metadata';
import type { StorageContext } from '../storage-context';
import { assertListingParameter, ListingSource, listRolledUp, startPosition } from './rolled-up-listing';

export interface ListObjectsInput {
  bucket: BucketRecord;
  prefix?: string;
  delimiter?: string;
  /** Resume after this key or common prefix (marker, start-after, decoded continuation token). */
  after?: string;
  maxKeys: number;
  /** Descending key order (Swift `reverse=true`); `after` then resumes below the marker. */
  reverse?: boolean;
  /** Stop before the first key at or beyond this one in listing order (Swift `end_marker`). */
  until?: string;
}

export interface ListObjectsResult {
  objects: ObjectRecord[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** The last key or common prefix returned: where the next page resumes. */
  nextAfter?: string;
}

/**
 * Lists live keys in UTF-8 byte order (or its reverse), common prefixes rolled up (see `listRolledUp`): a page
 * costs queries in proportion to what it returns, whatever the size of the bucket.
 */
export async function listObjects(ctx: StorageContext, input: ListObjectsInput): Promise<ListObjectsResult> {
  const prefix = input.prefix ?? '';
  assertListingParameter('prefix', prefix);
  assertListingParameter('marker', input.after);
  assertListingParameter('end_marker', input.until);
  const delimiter = input.delimiter || undefined;
  const objects = repositories(ctx.db.knex).objects;
  const descending = input.reverse === true;
  const source: ListingSource<ObjectRecord, { key: string; inclusive: boolean }> = {
    reverse: descending,
    keyOf: (row) => row.key,
    after: (row) => ({ key: row.key, inclusive: false }),
    at: (key, inclusive) => ({ key, inclusive }),
    fetch: (from, before, limit) =>
      objects.listLatest(input.bucket.id, { prefix: prefix || undefined, from: from?.key, inclusive: from?.inclusive, before, limit, descending }),
  };
  const start = startPosition(source, input.after, prefix, delimiter);
  const page = await listRolledUp(source, { prefix, delimiter, maxKeys: input.maxKeys, start, until: input.until || undefined });
  const last = page.last && ('row' in page.last ? page.last.row.key : page.last.prefix);
  return { objects: page.rows, commonPrefixes: page.commonPrefixes, isTruncated: page.isTruncated, nextAfter: last };
}
