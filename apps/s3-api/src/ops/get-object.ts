// GetObject (S3 API reference): byte ranges, conditional headers, streamed with backpressure.
import { pipeline } from 'node:stream/promises';
import { parseRangeHeader, parseReadConditions } from '@gw/http';
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { writeBodyHeaders, writeObjectHeaders } from '../wire/object-headers';

export const getObject: S3Operation = {
  name: 'GetObject',
  action: 'storage.objects.get',
  needsBucket: true,
  async run(call) {
    const { req, res } = call;
    const { object, range, body } = await call.services.storage.objects.get({
      bucket: bucketOf(call),
      key: call.target.key!,
      conditions: parseReadConditions(req.headers),
      range: parseRangeHeader(req.headers.range),
    });
    writeObjectHeaders(res, object);
    writeBodyHeaders(res, object, range);
    // A failure mid-stream destroys the response (the client sees a short read, never bad bytes).
    await pipeline(body, res);
  },
};
