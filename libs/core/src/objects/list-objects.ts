import { BucketRecord, ObjectRecord, repositories } from '@gw/metadata';
import { GatewayError } from '../errors';
import type { StorageContext } from '../storage-context';
import { compareKeys, prefixUpperBound } from './object-key';

export interface ListObjectsInput {
  bucket: BucketRecord;
  prefix?: string;
  delimiter?: string;
  /** Resume after this key or common prefix (marker, start-after, decoded continuation token). */
  after?: string;
  maxKeys: number;
}

export interface ListObjectsResult {
  objects: ObjectRecord[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** The last key or common prefix returned: where the next page resumes. */
  nextAfter?: string;
}

const BATCH = 1000;

/**
 * Lists live keys in UTF-8 byte order. With a delimiter, keys sharing the part of their name up
 * to the delimiter roll up into one common prefix, and the listing seeks past the whole prefix
 * with one index probe instead of reading the keys under it: a page costs queries in
 * proportion to what it returns, whatever the size of the bucket.
 */
export async function listObjects(ctx: StorageContext, input: ListObjectsInput): Promise<ListObjectsResult> {
  const prefix = input.prefix ?? '';
  // Postgres text cannot hold NUL: refuse it here rather than fail in the query.
  for (const [name, value] of [['prefix', prefix], ['marker', input.after]] as const) {
    if (value?.includes('\u0000')) throw new GatewayError('InvalidArgument', `The ${name} must not contain NUL.`, { ArgumentName: name });
  }
  const delimiter = input.delimiter || undefined;
  const result: ListObjectsResult = { objects: [], commonPrefixes: [], isTruncated: false };
  if (input.maxKeys <= 0) return result;

  const objects = repositories(ctx.db.knex).objects;
  const end = prefix ? prefixUpperBound(prefix) : undefined;
  let cursor: Cursor | undefined | null = startCursor(input.after, prefix, delimiter);
  const returned = () => result.objects.length + result.commonPrefixes.length;

  let lastPrefix: string | undefined;
  while (cursor !== null) {
    const limit = Math.min(BATCH, input.maxKeys - returned() + 1);
    const rows = await objects.listLatest(input.bucket.id, {
      prefix: prefix || undefined,
      from: cursor?.key,
      inclusive: cursor?.inclusive,
      before: end,
      limit,
    });
    for (const row of rows) {
      const rolledUp = delimiter ? commonPrefixOf(row.key, prefix, delimiter) : undefined;
      if (rolledUp !== undefined && rolledUp === lastPrefix) continue; // under a prefix already returned
      if (returned() === input.maxKeys) {
        result.isTruncated = true;
        return result;
      }
      if (rolledUp === undefined) result.objects.push(row);
      else result.commonPrefixes.push((lastPrefix = rolledUp));
      result.nextAfter = rolledUp ?? row.key;
    }
    if (rows.length < limit) break;
    const lastKey = rows[rows.length - 1].key;
    cursor =
      lastPrefix !== undefined && lastKey.startsWith(lastPrefix)
        ? seekPast(lastPrefix) // the batch ended inside a common prefix: skip the rest of it in one probe
        : { key: lastKey, inclusive: false };
  }
  return result;
}

interface Cursor {
  key: string;
  inclusive: boolean;
}

function seekPast(commonPrefix: string): Cursor | null {
  const pastPrefix = prefixUpperBound(commonPrefix);
  return pastPrefix === undefined ? null : { key: pastPrefix, inclusive: true };
}

function commonPrefixOf(key: string, prefix: string, delimiter: string): string | undefined {
  const at = key.indexOf(delimiter, prefix.length);
  return at < 0 ? undefined : key.slice(0, at + delimiter.length);
}

/**
 * Where a listing starts. A marker inside a common prefix (the prefix itself, returned as the
 * last entry of the previous page, or a key under it) resumes after the whole prefix, so a
 * prefix is never returned twice.
 */
function startCursor(after: string | undefined, prefix: string, delimiter: string | undefined): Cursor | undefined | null {
  if (after === undefined || after === '') return undefined;
  if (delimiter && after.startsWith(prefix)) {
    const rolledUp = commonPrefixOf(after, prefix, delimiter);
    if (rolledUp !== undefined) {
      return seekPast(rolledUp);
    }
  }
  return compareKeys(after, prefix) < 0 ? undefined : { key: after, inclusive: false };
}
