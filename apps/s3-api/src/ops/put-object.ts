// PutObject (S3 API reference; KakaoCloud S3 document "PutObject"): streamed, verified, atomic.
import { GatewayError } from '@gw/core';
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { declaredObjectSize, storedContentEncoding } from '../wire/body-size';
import { readIntegrityHeaders } from '../wire/integrity-headers';
import { quoteEtag, readStoredHeaders, readUserMetadata } from '../wire/object-headers';

export const putObject: S3Operation = {
  name: 'PutObject',
  action: 'storage.objects.create',
  needsBucket: true,
  async run(call) {
    const { req, res, auth, principal } = call;
    const storageClass = req.headers['x-amz-storage-class'];
    if (storageClass !== undefined && storageClass !== 'STANDARD') throw new GatewayError('InvalidStorageClass', undefined, { StorageClassRequested: String(storageClass) });
    const integrity = readIntegrityHeaders(req.headers, auth.trailers);
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
      integrity,
    });
    res.setHeader('ETag', quoteEtag(object.etag));
    for (const algorithm of integrity.checksums ?? []) {
      const value = object.checksums[algorithm];
      if (value) res.setHeader(`x-amz-checksum-${algorithm}`, value);
    }
    res.status(200).setHeader('Content-Length', '0');
    res.end();
  },
};
