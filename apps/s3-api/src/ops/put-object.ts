// PutObject (S3 API reference; KakaoCloud S3 document "PutObject"): streamed, verified, atomic.
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { parseAclHeaders } from '../wire/acl-headers';
import { declaredObjectSize, storedContentEncoding } from '../wire/body-size';
import { writeExpirationHeader } from '../wire/expiration-header';
import { writeChecksumHeaders } from '../wire/checksum-headers';
import { readIntegrityHeaders } from '../wire/integrity-headers';
import { quoteEtag, readStoredHeaders, readUserMetadata } from '../wire/object-headers';
import { readServerSideEncryption, writeServerSideEncryption } from '../wire/server-side-encryption';
import { assertStandardStorageClass } from '../wire/storage-class';
import { parseTaggingHeader } from '../wire/tagging';
import { writeNewVersionHeader } from '../wire/version-headers';

export const putObject: S3Operation = {
  name: 'PutObject',
  action: 'storage.objects.create',
  needsBucket: true,
  async run(call) {
    const { req, res, auth, principal } = call;
    assertStandardStorageClass(req.headers);
    const integrity = readIntegrityHeaders(req.headers, auth.trailers);
    const acl = parseAclHeaders(req.headers);
    const tags = parseTaggingHeader(req.headers);
    const encryption = readServerSideEncryption(req.headers);
    const headers = readStoredHeaders(req.headers);
    const encoding = storedContentEncoding(headers['content-encoding']);
    if (encoding === undefined) delete headers['content-encoding'];
    else headers['content-encoding'] = encoding;

    const object = await call.services.storage.objects.put({
      bucket: bucketOf(call),
      key: call.target.key!,
      body: call.body(),
      size: declaredObjectSize(req.headers),
      contentType: req.headers['content-type'],
      userMeta: readUserMetadata(req.headers),
      headers,
      ownerUserId: principal.kind === 'user' ? principal.userId : undefined,
      tags,
      acl,
      integrity,
      encryption,
    });
    res.setHeader('ETag', quoteEtag(object.etag));
    writeNewVersionHeader(res, object.versionId);
    writeChecksumHeaders(res, object.checksums, integrity.checksums);
    writeServerSideEncryption(res, object.encryption);
    writeExpirationHeader(res, bucketOf(call), object);
    res.status(200).setHeader('Content-Length', '0');
    res.end();
  },
};
