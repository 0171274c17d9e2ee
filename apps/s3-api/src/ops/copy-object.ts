// CopyObject (S3 API reference; KakaoCloud S3 document "CopyObject"): metadata and tagging directives, copy conditions, versions.
import type { IncomingHttpHeaders } from 'node:http';
import { GatewayError } from '@gw/core';
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { parseAclHeaders } from '../wire/acl-headers';
import { sendXml } from '../wire/common-headers';
import { authorizedCopySource } from '../wire/copy-source';
import { quoteEtag, readStoredHeaders, readUserMetadata } from '../wire/object-headers';
import { readServerSideEncryption, writeServerSideEncryption } from '../wire/server-side-encryption';
import { writeExpirationHeader } from '../wire/expiration-header';
import { assertStandardStorageClass } from '../wire/storage-class';
import { parseTaggingHeader } from '../wire/tagging';
import { xmlTime } from '../wire/timestamps';
import { writeNewVersionHeader } from '../wire/version-headers';
import { renderXml } from '../wire/xml';

/** Headers that change a stored attribute other than metadata: with one, a copy onto itself is legal. */
const ATTRIBUTE_HEADERS = ['x-amz-storage-class', 'x-amz-server-side-encryption', 'x-amz-website-redirect-location'];

export const copyObject: S3Operation = {
  name: 'CopyObject',
  action: 'storage.objects.create',
  needsBucket: true,
  async run(call) {
    const { req, res, principal } = call;
    assertStandardStorageClass(req.headers);
    const replaceMetadata = directive(req.headers, 'x-amz-metadata-directive', 'Unknown metadata directive.') === 'REPLACE';
    const replaceTags = directive(req.headers, 'x-amz-tagging-directive', 'Unknown tagging directive.') === 'REPLACE';
    const acl = parseAclHeaders(req.headers);
    const tags = replaceTags ? (parseTaggingHeader(req.headers) ?? {}) : undefined;
    const encryption = readServerSideEncryption(req.headers);
    const source = await authorizedCopySource(call);

    const { object, source: copied } = await call.services.storage.objects.copy({
      source,
      bucket: bucketOf(call),
      key: call.target.key!,
      metadata: replaceMetadata
        ? { contentType: req.headers['content-type'], userMeta: readUserMetadata(req.headers), headers: readStoredHeaders(req.headers) }
        : undefined,
      tags,
      changesAttributes: ATTRIBUTE_HEADERS.some((name) => req.headers[name] !== undefined),
      acl,
      ownerUserId: principal.kind === 'user' ? principal.userId : undefined,
      encryption,
    });
    writeNewVersionHeader(res, object.versionId);
    writeServerSideEncryption(res, object.encryption);
    writeExpirationHeader(res, bucketOf(call), object);
    if (source.bucket.versioning !== 'Unversioned') res.setHeader('x-amz-copy-source-version-id', copied.versionId);
    sendXml(res, renderXml('CopyObjectResult', { ETag: quoteEtag(object.etag), LastModified: xmlTime(object.createdAt) }));
  },
};

/** `x-amz-metadata-directive` / `x-amz-tagging-directive`: COPY (the default) or REPLACE, exactly. */
function directive(headers: IncomingHttpHeaders, name: string, message: string): 'COPY' | 'REPLACE' {
  const value = headers[name];
  if (value === undefined) return 'COPY';
  if (value === 'COPY' || value === 'REPLACE') return value;
  throw new GatewayError('InvalidArgument', message, { ArgumentName: name, ArgumentValue: String(value) });
}
