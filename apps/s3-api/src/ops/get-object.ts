// GetObject (S3 API reference): byte ranges, conditional headers, response overrides, checksum mode, streamed with backpressure.
import { pipeline } from 'node:stream/promises';
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { writeRequestedChecksums } from '../wire/checksum-mode';
import { readObjectInput } from '../wire/read-object-input';
import { readResponseOverrides, writeResponseOverrides } from '../wire/response-overrides';
import { writeBodyHeaders, writeObjectHeaders } from '../wire/object-headers';
import { writeVersionHeader } from '../wire/version-headers';
import { writeExpirationHeader } from '../wire/expiration-header';

export const getObject: S3Operation = {
  name: 'GetObject',
  action: 'storage.objects.get',
  needsBucket: true,
  async run(call) {
    const { res } = call;
    const input = readObjectInput(call);
    const overrides = readResponseOverrides(call);
    const { object, range, body } = await call.services.storage.objects.get(input);
    writeObjectHeaders(res, object);
    writeVersionHeader(res, bucketOf(call), object.versionId);
    writeRequestedChecksums(res, call.req.headers, object, { range, partNumber: input.partNumber });
    writeResponseOverrides(res, overrides);
    writeExpirationHeader(res, bucketOf(call), object);
    writeBodyHeaders(res, object, range);
    // A failure mid-stream destroys the response (the client sees a short read, never bad bytes).
    await pipeline(body, res);
  },
};
