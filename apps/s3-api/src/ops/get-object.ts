// GetObject (S3 API reference): byte ranges, conditional headers, response overrides, checksum mode, streamed with backpressure.
import { pipeline } from 'node:stream/promises';
import type { S3Operation } from '../routing/s3-operation';
import { writeObjectReadAnswer } from '../wire/object-read-answer';
import { readObjectInput } from '../wire/read-object-input';
import { readResponseOverrides } from '../wire/response-overrides';

export const getObject: S3Operation = {
  name: 'GetObject',
  action: 'storage.objects.get',
  needsBucket: true,
  async run(call) {
    const input = readObjectInput(call);
    const overrides = readResponseOverrides(call);
    const read = await call.services.storage.objects.get(input);
    writeObjectReadAnswer(call, input, overrides, read);
    // A failure mid-stream destroys the response (the client sees a short read, never bad bytes).
    await pipeline(read.body, call.res);
  },
};
