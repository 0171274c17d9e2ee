// DeleteObjects (S3 API reference; KakaoCloud S3 document "DeleteObjects"): up to 1000 keys.
import { createDigester } from '@gw/blob';
import { GatewayError } from '@gw/core';
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { S3_ERROR_CODES } from '../wire/s3-error-codes';
import { sendXml } from '../wire/common-headers';
import { readIntegrityHeaders } from '../wire/integrity-headers';
import { readSmallBody } from '../wire/small-body';
import { childText, children, parseXml, renderXml } from '../wire/xml';

const MAX_KEYS = 1000;

export const deleteObjects: S3Operation = {
  name: 'DeleteObjects',
  action: 'storage.objects.delete',
  needsBucket: true,
  async run(call) {
    const { req, auth } = call;
    const body = await readSmallBody(call.body());
    verifyBodyIntegrity(body, readIntegrityHeaders(req.headers, auth.trailers));

    const document = await parseXml(body);
    const request = document.Delete;
    if (request === undefined) throw new GatewayError('MalformedXML');
    const quiet = childText(request, 'Quiet') === 'true';
    const keys = children(request, 'Object').map((entry) => {
      const key = childText(entry, 'Key');
      if (key === undefined) throw new GatewayError('MalformedXML');
      // Deleting a named version is not served (as `DELETE ?versionId` is not): ignoring the
      // VersionId would delete the current object instead. `null` is the one unversioned version.
      const versionId = childText(entry, 'VersionId');
      if (versionId !== undefined && versionId !== 'null') {
        throw new GatewayError('NotImplemented', 'This gateway does not implement deleting object versions yet.');
      }
      return key;
    });
    if (keys.length === 0 || keys.length > MAX_KEYS) throw new GatewayError('MalformedXML');

    const results = await call.services.storage.objects.deleteMany(bucketOf(call), keys);
    const deleted = results.filter((r) => !('error' in r)).map((r) => ({ Key: r.key }));
    const errors = results.flatMap((r) =>
      'error' in r ? [{ Key: r.key, Code: S3_ERROR_CODES[r.error.code].code, Message: r.error.message }] : [],
    );
    sendXml(call.res, renderXml('DeleteResult', { Deleted: quiet ? [] : deleted, Error: errors }));
  },
};

/**
 * Content-MD5 or an x-amz-checksum-* header protects the key list (AWS SDK v3 sends CRC32
 * instead of Content-MD5; both are accepted).
 */
function verifyBodyIntegrity(body: Buffer, integrity: ReturnType<typeof readIntegrityHeaders>): void {
  const digester = createDigester(['md5', ...(integrity.checksums ?? [])]);
  digester.update(body);
  const digests: Record<string, string | undefined> = digester.digests();
  if (integrity.md5 !== undefined && integrity.md5 !== digests.md5) throw new GatewayError('BadDigest');
  for (const [algorithm, value] of Object.entries(integrity.expectedChecksums?.() ?? {})) {
    if (digests[algorithm] !== value) throw new GatewayError('BadDigest');
  }
}
