// Swift "Delete container" (DELETE /v1/{account}/{container}): 204; 409 while it holds objects.
import type { SwiftOperation } from '../routing/swift-operation';

export const deleteContainer: SwiftOperation = {
  name: 'DeleteContainer',
  action: 'storage.buckets.delete',
  needsBucket: true,
  async run(call) {
    await call.services.storage.buckets.delete(call.account.id, call.target.container!);
    call.res.status(204).end();
  },
};
