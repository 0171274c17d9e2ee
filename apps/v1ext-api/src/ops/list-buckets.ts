// /v1_ext "Query bucket list" (GET /v1_ext/bucket): one page of the project's buckets, filtered and sorted in SQL.
import type { V1extOperation } from '../routing/v1ext-operation';
import { bucketSummary } from '../wire/bucket-model';
import { parseBucketListQuery } from '../wire/list-query';

export const listBuckets: V1extOperation = {
  name: 'ListBuckets',
  action: 'storage.buckets.list',
  async run(call) {
    const { matchesNothing, ...query } = parseBucketListQuery(call.query);
    const page = matchesNothing ? { total: 0, buckets: [] } : await call.services.storage.buckets.listPage({ accountId: call.accountId, ...query });
    call.res.status(200).json({ totalCount: page.total, offset: query.offset, count: page.buckets.length, items: page.buckets.map(bucketSummary) });
  },
};
