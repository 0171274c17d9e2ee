// /v1_ext "Delete bucket lifecycle" (DELETE /v1_ext/bucket/{name}/lifecycle): 200, also when none was set.
import { bucketOf, V1extOperation } from '../routing/v1ext-operation';

export const deleteBucketLifecycle: V1extOperation = {
  name: 'DeleteBucketLifecycleConfiguration',
  action: 'storage.buckets.update',
  async run(call) {
    await call.services.storage.bucketConfig.deleteLifecycle(bucketOf(call));
    call.res.status(200).setHeader('Content-Length', '0');
    call.res.end();
  },
};
