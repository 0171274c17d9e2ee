// /v1_ext "Delete bucket" (DELETE /v1_ext/bucket/{name}): 204; 409 while it holds anything.
import { bucketOf, V1extOperation } from '../routing/v1ext-operation';

export const deleteBucket: V1extOperation = {
  name: 'DeleteBucket',
  action: 'storage.buckets.delete',
  async run(call) {
    await call.services.storage.buckets.delete(call.accountId, bucketOf(call).name);
    call.res.status(204).end();
  },
};
