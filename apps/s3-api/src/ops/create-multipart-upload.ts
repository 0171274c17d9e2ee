// CreateMultipartUpload (S3 API reference; KakaoCloud S3 document "CreateMultipartUpload").
import { isChecksumAlgorithm } from '@gw/core';
import { GatewayError } from '@gw/core';
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { parseAclHeaders } from '../wire/acl-headers';
import { sendXml } from '../wire/common-headers';
import { readStoredHeaders, readUserMetadata } from '../wire/object-headers';
import { readServerSideEncryption, writeServerSideEncryption } from '../wire/server-side-encryption';
import { assertStandardStorageClass } from '../wire/storage-class';
import { parseTaggingHeader } from '../wire/tagging';
import { renderXml } from '../wire/xml';

export const createMultipartUpload: S3Operation = {
  name: 'CreateMultipartUpload',
  action: 'storage.objects.create',
  needsBucket: true,
  async run(call) {
    const { req, res, principal } = call;
    assertStandardStorageClass(req.headers);
    const checksumAlgorithm = checksumAlgorithmOf(req.headers['x-amz-checksum-algorithm']);
    const bucket = bucketOf(call);
    const upload = await call.services.storage.multipart.create({
      bucket,
      key: call.target.key!,
      contentType: req.headers['content-type'],
      userMeta: readUserMetadata(req.headers),
      headers: readStoredHeaders(req.headers),
      tags: parseTaggingHeader(req.headers),
      checksumAlgorithm,
      ownerUserId: principal.kind === 'user' ? principal.userId : undefined,
      acl: parseAclHeaders(req.headers),
      encryption: readServerSideEncryption(req.headers),
    });
    if (checksumAlgorithm) res.setHeader('x-amz-checksum-algorithm', checksumAlgorithm.toUpperCase());
    writeServerSideEncryption(res, upload.encryption);
    sendXml(
      res,
      renderXml('InitiateMultipartUploadResult', { Tenant: call.accountId, Bucket: bucket.name, Key: upload.key, UploadId: upload.uploadId }),
    );
  },
};

/** `x-amz-checksum-algorithm`: the checksum every part gets and the object's composite checksum. */
function checksumAlgorithmOf(value: string | string[] | undefined) {
  if (value === undefined) return undefined;
  const algorithm = String(value).toLowerCase();
  if (!isChecksumAlgorithm(algorithm)) throw new GatewayError('InvalidRequest', 'Value for x-amz-checksum-algorithm header is invalid.');
  return algorithm;
}
