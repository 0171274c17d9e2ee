// DeleteObject (S3 API reference): 204 whether or not the key existed.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';

export const deleteObject: S3Operation = {
  name: 'DeleteObject',
  action: 'storage.objects.delete',
  needsBucket: true,
  async run(call) {
    await call.services.storage.objects.delete(bucketOf(call), call.target.key!);
    call.res.status(204).end();
  },
};
