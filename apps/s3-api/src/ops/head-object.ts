// HeadObject (S3 API reference; KakaoCloud S3 document "HeadObject"): GetObject's headers without the body.
import type { S3Operation } from '../routing/s3-operation';
import { writeObjectReadAnswer } from '../wire/object-read-answer';
import { readObjectInput } from '../wire/read-object-input';
import { readResponseOverrides } from '../wire/response-overrides';

export const headObject: S3Operation = {
  name: 'HeadObject',
  action: 'storage.objects.get',
  needsBucket: true,
  async run(call) {
    const input = readObjectInput(call);
    const overrides = readResponseOverrides(call);
    writeObjectReadAnswer(call, input, overrides, await call.services.storage.objects.head(input));
    call.res.end();
  },
};
