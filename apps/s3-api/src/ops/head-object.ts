// HeadObject (S3 API reference): GetObject's headers without the body.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { readObjectInput } from '../wire/read-object-input';
import { writeBodyHeaders, writeObjectHeaders } from '../wire/object-headers';
import { writeVersionHeader } from '../wire/version-headers';

export const headObject: S3Operation = {
  name: 'HeadObject',
  action: 'storage.objects.get',
  needsBucket: true,
  async run(call) {
    const { res } = call;
    const { object, range } = await call.services.storage.objects.head(readObjectInput(call));
    writeObjectHeaders(res, object);
    writeVersionHeader(res, bucketOf(call), object.versionId);
    writeBodyHeaders(res, object, range);
    res.end();
  },
};
