// PutObjectTagging (S3 API reference; KakaoCloud S3 document "PutObjectTagging"): replaces the tag set of a version.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { readCheckedSmallBody } from '../wire/body-integrity';
import { parseTaggingDocument } from '../wire/tagging';
import { versionIdOf } from '../wire/read-object-input';
import { writeVersionHeader } from '../wire/version-headers';

export const putObjectTagging: S3Operation = {
  name: 'PutObjectTagging',
  action: 'storage.objects.setTagging',
  needsBucket: true,
  async run(call) {
    const bucket = bucketOf(call);
    const tags = await parseTaggingDocument(await readCheckedSmallBody(call));
    const object = await call.services.storage.objects.setTags({ bucket, key: call.target.key!, versionId: versionIdOf(call) }, tags);
    writeVersionHeader(call.res, bucket, object.versionId);
    call.res.status(200).setHeader('Content-Length', '0');
    call.res.end();
  },
};
