// HeadObject (S3 API reference; KakaoCloud S3 document "HeadObject"): GetObject's headers without the body.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { writeRequestedChecksums } from '../wire/checksum-mode';
import { readObjectInput } from '../wire/read-object-input';
import { readResponseOverrides, writeResponseOverrides } from '../wire/response-overrides';
import { writeBodyHeaders, writeObjectHeaders } from '../wire/object-headers';
import { writeVersionHeader } from '../wire/version-headers';
import { writeExpirationHeader } from '../wire/expiration-header';

export const headObject: S3Operation = {
  name: 'HeadObject',
  action: 'storage.objects.get',
  needsBucket: true,
  async run(call) {
    const { res } = call;
    const input = readObjectInput(call);
    const overrides = readResponseOverrides(call);
    const { object, range } = await call.services.storage.objects.head(input);
    writeObjectHeaders(res, object);
    writeVersionHeader(res, bucketOf(call), object.versionId);
    writeRequestedChecksums(res, call.req.headers, object, { range, partNumber: input.partNumber });
    writeResponseOverrides(res, overrides);
    writeExpirationHeader(res, bucketOf(call), object);
    writeBodyHeaders(res, object, range);
    res.end();
  },
};
