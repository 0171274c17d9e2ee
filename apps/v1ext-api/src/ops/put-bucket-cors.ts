// /v1_ext "Configure new CORS policy" (PUT /v1_ext/bucket/{name}/cors): replaces the rules S3's CORS calls also read and write.
import { bucketOf, V1extOperation } from '../routing/v1ext-operation';
import { parseCorsJson, renderCorsJson } from '../wire/cors-json';
import { readJsonBody } from '../wire/request-body';

export const putBucketCors: V1extOperation = {
  name: 'PutBucketCors',
  action: 'storage.buckets.update',
  async run(call) {
    const configuration = parseCorsJson(await readJsonBody(call.req, call.res));
    const { bucketConfig } = call.services.storage;
    // No rules: back to the default policy (no CORS configuration at all).
    if (!configuration) await bucketConfig.deleteCors(bucketOf(call));
    call.res.status(200).json(renderCorsJson(configuration && (await bucketConfig.putCors(bucketOf(call), configuration))));
  },
};
