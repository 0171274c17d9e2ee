// GetObject (S3 API reference): byte ranges, conditional headers, streamed with backpressure.
import { pipeline } from 'node:stream/promises';
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { readObjectInput } from '../wire/read-object-input';
import { writeBodyHeaders, writeObjectHeaders } from '../wire/object-headers';
import { writeVersionHeader } from '../wire/version-headers';

export const getObject: S3Operation = {
  name: 'GetObject',
  action: 'storage.objects.get',
  needsBucket: true,
  async run(call) {
    const { res } = call;
    const { object, range, body } = await call.services.storage.objects.get(readObjectInput(call));
    writeObjectHeaders(res, object);
    writeVersionHeader(res, bucketOf(call), object.versionId);
    writeBodyHeaders(res, object, range);
    // A failure mid-stream destroys the response (the client sees a short read, never bad bytes).
    await pipeline(body, res);
  },
};
