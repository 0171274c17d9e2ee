// HeadObject (S3 API reference): GetObject's headers without the body.
import { parseRangeHeader, parseReadConditions } from '@gw/http';
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { writeBodyHeaders, writeObjectHeaders } from '../wire/object-headers';

export const headObject: S3Operation = {
  name: 'HeadObject',
  action: 'storage.objects.get',
  needsBucket: true,
  async run(call) {
    const { req, res } = call;
    const { object, range } = await call.services.storage.objects.head({
      bucket: bucketOf(call),
      key: call.target.key!,
      conditions: parseReadConditions(req.headers),
      range: parseRangeHeader(req.headers.range),
    });
    writeObjectHeaders(res, object);
    writeBodyHeaders(res, object, range);
    res.end();
  },
};
