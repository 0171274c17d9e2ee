// Swift "Get object content and metadata" (GET /v1/{account}/{container}/{object}): ranges, conditions, streamed.
import { pipeline } from 'node:stream/promises';
import type { SwiftOperation } from '../routing/swift-operation';
import { writeObjectAnswer } from '../wire/object-answer';
import { readInput } from '../wire/read-input';

export const getObject: SwiftOperation = {
  name: 'GetObject',
  action: 'storage.objects.get',
  needsBucket: true,
  async run(call) {
    const read = await call.services.storage.objects.get(readInput(call));
    writeObjectAnswer(call.res, read);
    // A failure mid-stream destroys the response (the client sees a short read, never bad bytes).
    await pipeline(read.body, call.res);
  },
};
