// Swift "Show object metadata" (HEAD /v1/{account}/{container}/{object}).
import type { SwiftOperation } from '../routing/swift-operation';
import { writeObjectAnswer } from '../wire/object-answer';
import { readInput } from '../wire/read-input';

export const headObject: SwiftOperation = {
  name: 'HeadObject',
  action: 'storage.objects.get',
  needsBucket: true,
  async run(call) {
    writeObjectAnswer(call.res, await call.services.storage.objects.head(readInput(call)));
    call.res.end();
  },
};
