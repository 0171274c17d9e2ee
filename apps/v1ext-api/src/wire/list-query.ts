import { GatewayError, ListBucketPageInput } from '@gw/core';
import { BUCKET_TYPE } from './bucket-model';

export const DEFAULT_LIST_LIMIT = 20;
export const MAX_LIST_LIMIT = 100;

/** The spec's `by` values and the field each sorts on (there is one bucket type: by type is by name). */
const SORT_FIELDS: Record<string, ListBucketPageInput['sortBy']> = {
  bucket_name: 'name',
  bucket_type: 'name',
  created_at: 'createdAt',
  bytes_used: 'bytesUsed',
};

const invalid = (message: string) => new GatewayError('InvalidArgument', message);

/**
 * The bucket list's query: `offset` (0), `limit` (20; more than 100 is served as 100), `prefix`
 * or `include` (not both), `type` (STANDARD), `by` and `direct` (asc). Anything else malformed is
 * InvalidArgument. A `type` other than STANDARD matches no bucket.
 */
export function parseBucketListQuery(query: URLSearchParams): Omit<ListBucketPageInput, 'accountId'> & { matchesNothing: boolean } {
  const offset = integer(query, 'offset', 0);
  const limit = Math.min(integer(query, 'limit', DEFAULT_LIST_LIMIT), MAX_LIST_LIMIT);
  const prefix = nonEmpty(query.get('prefix'));
  const contains = nonEmpty(query.get('include'));
  if (prefix !== undefined && contains !== undefined) throw invalid('prefix and include cannot be used together.');
  const type = nonEmpty(query.get('type'));
  const by = query.get('by') ?? 'bucket_name';
  if (!(by in SORT_FIELDS)) throw invalid(`by must be one of ${Object.keys(SORT_FIELDS).join(', ')}.`);
  const direct = (query.get('direct') ?? 'asc').toLowerCase();
  if (direct !== 'asc' && direct !== 'desc') throw invalid('direct must be asc or desc.');
  return {
    offset,
    limit,
    ...(prefix !== undefined ? { prefix } : {}),
    ...(contains !== undefined ? { contains } : {}),
    sortBy: SORT_FIELDS[by],
    descending: direct === 'desc',
    matchesNothing: type !== undefined && type.toUpperCase() !== BUCKET_TYPE,
  };
}

function integer(query: URLSearchParams, name: string, fallback: number): number {
  const text = query.get(name);
  if (text === null || text === '') return fallback;
  if (!/^\d{1,9}$/.test(text)) throw invalid(`${name} must be a non-negative integer.`);
  return Number(text);
}

const nonEmpty = (value: string | null): string | undefined => (value === null || value === '' ? undefined : value);
