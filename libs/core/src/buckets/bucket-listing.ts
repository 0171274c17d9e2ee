// One page of an account's buckets, filtered, sorted and paged in SQL (the /v1_ext bucket list):
// the cost is the page, not the account's bucket count.
import { BucketRecord, repositories } from '@gw/metadata';
import type { StorageContext } from '../storage-context';

export const BUCKET_SORT_FIELDS = ['name', 'createdAt', 'bytesUsed'] as const;
export type BucketSortField = (typeof BUCKET_SORT_FIELDS)[number];

export interface ListBucketPageInput {
  accountId: string;
  /** Buckets skipped before the page (0 and up). */
  offset: number;
  /** Page size (1 and up; the dialect caps it). */
  limit: number;
  /** Only names that start with this. */
  prefix?: string;
  /** Only names that contain this. */
  contains?: string;
  sortBy: BucketSortField;
  descending: boolean;
}

export interface BucketPage {
  /** How many buckets match in all. */
  total: number;
  buckets: BucketRecord[];
}

const COLUMNS = { name: 'name', createdAt: 'created_at', bytesUsed: 'bytes_used' } as const;

export function listBucketPage(ctx: StorageContext, input: ListBucketPageInput): Promise<BucketPage> {
  return repositories(ctx.db.knex).buckets.pageByAccount(input.accountId, {
    offset: input.offset,
    limit: input.limit,
    prefix: input.prefix,
    contains: input.contains,
    orderBy: COLUMNS[input.sortBy],
    descending: input.descending,
  });
}
