// Swift "Create, update, or delete account metadata" (POST /v1/{account}): 204.
import type { SwiftOperation } from '../routing/swift-operation';
import { readMetaChanges } from '../wire/swift-headers';

export const postAccount: SwiftOperation = {
  name: 'PostAccount',
  action: 'storage.buckets.update',
  needsBucket: false,
  async run(call) {
    await call.services.storage.accounts.updateMeta(call.account.id, readMetaChanges(call.req.headers, 'account'));
    call.res.status(204).end();
  },
};
