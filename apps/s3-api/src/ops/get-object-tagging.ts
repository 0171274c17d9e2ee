// GetObjectTagging (S3 API reference; KakaoCloud S3 document "GetObjectTagging"): the tag set of a version.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { sendXml } from '../wire/common-headers';
import { taggingDocument } from '../wire/tagging';
import { versionIdOf } from '../wire/read-object-input';
import { writeVersionHeader } from '../wire/version-headers';
import { renderXml } from '../wire/xml';

export const getObjectTagging: S3Operation = {
  name: 'GetObjectTagging',
  action: 'storage.objects.getTagging',
  needsBucket: true,
  async run(call) {
    const bucket = bucketOf(call);
    const object = await call.services.storage.objects.getTags({ bucket, key: call.target.key!, versionId: versionIdOf(call) });
    writeVersionHeader(call.res, bucket, object.versionId);
    sendXml(call.res, renderXml('Tagging', taggingDocument(object.tags)));
  },
};
