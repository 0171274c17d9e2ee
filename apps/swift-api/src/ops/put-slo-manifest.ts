// Swift SLO "Upload SLO manifest" (PUT ...?multipart-manifest=put; slo.py handle_multipart_put): 201, nothing written on a refusal.
import { formatSloErrors, GatewayError, MAX_SLO_MANIFEST_BYTES, parseSloManifest, reportFormat } from '@gw/core';
import { containerDecision } from '../routing/segment-access';
import { containerOf, SwiftOperation } from '../routing/swift-operation';
import { readBoundedBody } from '../wire/bounded-body';
import { sendBody } from '../wire/common-headers';
import { sendCreated } from '../wire/created-answer';
import { readDeleteAt } from '../wire/delete-at';
import { readStoredHeaders } from '../wire/stored-headers';
import { readMetaHeaders } from '../wire/swift-headers';

export const putSloManifest: SwiftOperation = {
  name: 'PutSloManifest',
  action: 'storage.objects.create',
  needsBucket: true,
  async run(call) {
    const { req, res, principal } = call;
    const bucket = containerOf(call);
    const key = call.target.object!;
    const deleteAt = readDeleteAt(req);
    const body = await readBoundedBody(req, MAX_SLO_MANIFEST_BYTES, () => new GatewayError('EntityTooLarge', `Manifest File > ${MAX_SLO_MANIFEST_BYTES} bytes`));
    const segments = parseSloManifest(body.toString('utf8'), { container: bucket.name, object: key });
    const result = await call.services.storage.largeObjects.putSlo({
      bucket,
      key,
      segments,
      contentType: req.get('content-type') || 'application/octet-stream',
      userMeta: readMetaHeaders(req.headers, 'object'),
      headers: readStoredHeaders(req),
      ownerUserId: principal.kind === 'user' ? principal.userId : undefined,
      mayRead: containerDecision(call, 'storage.objects.get'),
      deleteAt,
    });
    if (!result.ok) {
      const format = reportFormat(req.get('accept'));
      sendBody(res, 400, `${format}; charset=utf-8`, formatSloErrors(result.errors, format));
      return;
    }
    sendCreated(res, result.object);
  },
};
