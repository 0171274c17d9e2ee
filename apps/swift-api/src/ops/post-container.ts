// Swift "Create, update, or delete container metadata" (POST /v1/{account}/{container}): 204.
import { containerOf, SwiftOperation } from '../routing/swift-operation';
import { readMetaChanges } from '../wire/swift-headers';

export const postContainer: SwiftOperation = {
  name: 'PostContainer',
  action: 'storage.buckets.update',
  needsBucket: true,
  async run(call) {
    await call.services.storage.buckets.updateMeta(containerOf(call), readMetaChanges(call.req.headers, 'container'));
    call.res.status(204).end();
  },
};
