// Swift "Delete object" (DELETE /v1/{account}/{container}/{object}): 204; 404 when there is none.
import { containerOf, SwiftOperation } from '../routing/swift-operation';

export const deleteObject: SwiftOperation = {
  name: 'DeleteObject',
  action: 'storage.objects.delete',
  needsBucket: true,
  async run(call) {
    const bucket = containerOf(call);
    // Swift tells a missing object apart (S3 does not): look first, then delete.
    await call.services.storage.objects.head({ bucket, key: call.target.object! });
    await call.services.storage.objects.delete(bucket, call.target.object!);
    call.res.status(204).end();
  },
};
