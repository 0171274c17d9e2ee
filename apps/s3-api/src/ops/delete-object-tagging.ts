// DeleteObjectTagging (S3 API reference; KakaoCloud S3 document "DeleteObjectTagging"): 204, the version keeps no tags.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { versionIdOf } from '../wire/read-object-input';
import { writeVersionHeader } from '../wire/version-headers';

export const deleteObjectTagging: S3Operation = {
  name: 'DeleteObjectTagging',
  action: 'storage.objects.setTagging',
  needsBucket: true,
  async run(call) {
    const bucket = bucketOf(call);
    const object = await call.services.storage.objects.setTags({ bucket, key: call.target.key!, versionId: versionIdOf(call) }, {});
    writeVersionHeader(call.res, bucket, object.versionId);
    call.res.status(204).end();
  },
};
