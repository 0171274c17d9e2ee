// DeleteObject (S3 API reference): 204 whether or not the key existed; delete markers and versions by id.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { versionIdOf } from '../wire/read-object-input';

export const deleteObject: S3Operation = {
  name: 'DeleteObject',
  action: 'storage.objects.delete',
  needsBucket: true,
  async run(call) {
    const { res, principal } = call;
    const result = await call.services.storage.objects.delete(
      bucketOf(call),
      { key: call.target.key!, versionId: versionIdOf(call) },
      { ownerUserId: principal.kind === 'user' ? principal.userId : undefined },
    );
    // The marker created, or the version named (removed, or already gone).
    if (result.deleteMarker) res.setHeader('x-amz-delete-marker', 'true');
    if (result.versionId !== undefined) res.setHeader('x-amz-version-id', result.versionId);
    res.status(204).end();
  },
};
