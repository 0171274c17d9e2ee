// Swift SLO "Upload SLO manifest" (PUT ...?multipart-manifest=put; slo.py handle_multipart_put): 201, nothing written on a refusal.
import { formatSloErrors, GatewayError, MAX_SLO_MANIFEST_BYTES, parseSloManifest, reportFormat, SloSegmentSpec } from '@gw/core';
import { containerDecision } from '../routing/segment-access';
import { containerOf, SwiftOperation } from '../routing/swift-operation';
import { readBoundedBody } from '../wire/bounded-body';
import { sendBody } from '../wire/common-headers';
import { sendCreated } from '../wire/created-answer';
import { readDeleteAt } from '../wire/delete-at';
import { swiftText } from '../wire/render-error';
import { declaredLength } from '../wire/request-body';
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
    // Swift refuses a declared length over the limit before reading a byte.
    const tooLarge = () => swiftText('EntityTooLarge', `Manifest File > ${MAX_SLO_MANIFEST_BYTES} bytes`);
    if ((declaredLength(req) ?? 0) > MAX_SLO_MANIFEST_BYTES) throw tooLarge();
    const body = await readBoundedBody(req, MAX_SLO_MANIFEST_BYTES, tooLarge);
    const segments = parseManifest(body, { container: bucket.name, object: key });
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

/** The manifest's segments; its limits (413) answer with slo.py's text as the body, not the 413 page. */
function parseManifest(body: Buffer, self: { container: string; object: string }): SloSegmentSpec[] {
  try {
    return parseSloManifest(body.toString('utf8'), self);
  } catch (error) {
    if (error instanceof GatewayError && error.code === 'EntityTooLarge') throw swiftText(error.code, error.message);
    throw error;
  }
}
