// DeleteObjects (S3 API reference; KakaoCloud S3 document "DeleteObjects"): up to 1000 keys or versions.
import { DeleteResult, DeleteTarget, GatewayError } from '@gw/core';
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { readCheckedSmallBody } from '../wire/body-integrity';
import { S3_ERROR_CODES } from '../wire/s3-error-codes';
import { sendXml } from '../wire/common-headers';
import { childText, children, parseXml, renderXml } from '../wire/xml';

const MAX_KEYS = 1000;

export const deleteObjects: S3Operation = {
  name: 'DeleteObjects',
  action: 'storage.objects.delete',
  needsBucket: true,
  async run(call) {
    const body = await readCheckedSmallBody(call);

    const document = await parseXml(body);
    const request = document.Delete;
    if (request === undefined) throw new GatewayError('MalformedXML');
    const quiet = childText(request, 'Quiet') === 'true';
    const targets = children(request, 'Object').map((entry): DeleteTarget => {
      const key = childText(entry, 'Key');
      if (key === undefined) throw new GatewayError('MalformedXML');
      const versionId = childText(entry, 'VersionId');
      return versionId === undefined ? { key } : { key, versionId };
    });
    if (targets.length === 0 || targets.length > MAX_KEYS) throw new GatewayError('MalformedXML');

    const { principal } = call;
    const results = await call.services.storage.objects.deleteMany(bucketOf(call), targets, {
      ownerUserId: principal.kind === 'user' ? principal.userId : undefined,
    });
    const deleted = results.flatMap((r) => ('error' in r ? [] : [deletedEntry(r)]));
    const errors = results.flatMap((r) =>
      'error' in r
        ? [{ Key: r.key, ...versionOf(r.requestedVersionId), Code: S3_ERROR_CODES[r.error.code].code, Message: r.error.message }]
        : [],
    );
    sendXml(call.res, renderXml('DeleteResult', { Deleted: quiet ? [] : deleted, Error: errors }));
  },
};

/**
 * A `<Deleted>` entry: the version the request named, and whether a delete marker was created
 * (DeleteMarkerVersionId: the new marker's id) or removed by its id (DeleteMarkerVersionId: that id).
 */
function deletedEntry(r: DeleteResult): object {
  return {
    Key: r.key,
    ...versionOf(r.requestedVersionId),
    ...(r.deleteMarker ? { DeleteMarker: true, DeleteMarkerVersionId: r.versionId } : {}),
  };
}

const versionOf = (versionId: string | undefined) => (versionId === undefined ? {} : { VersionId: versionId });
