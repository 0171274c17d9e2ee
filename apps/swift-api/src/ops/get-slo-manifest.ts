// Swift SLO "Download SLO manifest" (GET/HEAD ...?multipart-manifest=get[&format=raw]): the manifest, not the large object.
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { SwiftOperation } from '../routing/swift-operation';
import { sendBody } from '../wire/common-headers';
import { sloManifestBody } from '../wire/large-object-headers';
import { writeObjectAnswer } from '../wire/object-answer';
import { readInput } from '../wire/read-input';

/**
 * An SLO answers its stored manifest as JSON (`?format=raw`: the form a manifest PUT takes),
 * with the manifest's own ETag (the MD5 of that body, as Swift stores it). Any other object,
 * a DLO manifest included, answers as itself: its own stored bytes, no segments resolved.
 */
export const getSloManifest: SwiftOperation = {
  name: 'GetSloManifest',
  action: 'storage.objects.get',
  needsBucket: true,
  async run(call) {
    const { req, res } = call;
    const input = { ...readInput(call), asStored: true };
    const { object } = await call.services.storage.objects.head({ ...input, range: undefined });
    if (object.largeObject?.kind === 'slo') {
      const body = sloManifestBody(object.largeObject.manifest, call.query.get('format') === 'raw');
      writeObjectAnswer(res, { object });
      res.setHeader('ETag', createHash('md5').update(body).digest('hex'));
      sendBody(res, 200, 'application/json; charset=utf-8', body);
      return;
    }
    if (req.method === 'HEAD') {
      writeObjectAnswer(res, await call.services.storage.objects.head(input));
      res.end();
      return;
    }
    const read = await call.services.storage.objects.get(input);
    writeObjectAnswer(res, read);
    await pipeline(read.body, res);
  },
};
