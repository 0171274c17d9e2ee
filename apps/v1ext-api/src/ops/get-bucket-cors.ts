// /v1_ext "Query bucket CORS policy" (GET /v1_ext/bucket/{name}/cors): the rules; `{"cors": []}` when none are set.
import { corsOf } from '@gw/core';
import { bucketOf, V1extOperation } from '../routing/v1ext-operation';
import { renderCorsJson } from '../wire/cors-json';

export const getBucketCors: V1extOperation = {
  name: 'GetBucketCors',
  action: 'storage.buckets.get',
  async run(call) {
    call.res.status(200).json(renderCorsJson(corsOf(bucketOf(call))));
  },
};
