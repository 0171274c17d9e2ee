// /v1_ext "Create bucket lifecycle" (PUT /v1_ext/bucket/{name}/lifecycle): replaces the whole configuration, answered with the rules as stored.
import { parseLifecycleXml, renderLifecycleXml } from '@gw/http';
import { bucketOf, V1extOperation } from '../routing/v1ext-operation';
import { readBody } from '../wire/request-body';
import { sendXml } from '../wire/send-xml';

export const putBucketLifecycle: V1extOperation = {
  name: 'PutBucketLifecycleConfiguration',
  action: 'storage.buckets.update',
  async run(call) {
    const configuration = await parseLifecycleXml(await readBody(call.req, call.res));
    const stored = await call.services.storage.bucketConfig.putLifecycle(bucketOf(call), configuration);
    sendXml(call.res, renderLifecycleXml(stored, null));
  },
};
