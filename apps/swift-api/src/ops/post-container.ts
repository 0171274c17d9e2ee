// Swift "Create, update, or delete container metadata" (POST /v1/{account}/{container}): 204.
import { containerOf, SwiftOperation } from '../routing/swift-operation';
import { readContainerAclHeaders } from '../wire/container-acl-headers';
import { readMetaChanges } from '../wire/swift-headers';

export const postContainer: SwiftOperation = {
  name: 'PostContainer',
  action: 'storage.buckets.update',
  needsBucket: true,
  async run(call) {
    const acl = readContainerAclHeaders(call.req);
    const bucket = await call.services.storage.buckets.updateMeta(containerOf(call), readMetaChanges(call.req.headers, 'container'));
    if (acl) await call.services.storage.bucketConfig.setContainerAcl(bucket, acl);
    call.res.status(204).end();
  },
};
