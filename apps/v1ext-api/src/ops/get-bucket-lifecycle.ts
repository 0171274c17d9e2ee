// /v1_ext "View bucket lifecycle list" (GET /v1_ext/bucket/{name}/lifecycle): the rules as XML, or 404 NoSuchLifecycleConfiguration.
import { renderLifecycleXml } from '@gw/http';
import { bucketOf, V1extOperation } from '../routing/v1ext-operation';
import { sendXml } from '../wire/send-xml';

export const getBucketLifecycle: V1extOperation = {
  name: 'GetBucketLifecycleConfiguration',
  action: 'storage.buckets.get',
  async run(call) {
    sendXml(call.res, renderLifecycleXml(call.services.storage.bucketConfig.getLifecycle(bucketOf(call)), null));
  },
};
