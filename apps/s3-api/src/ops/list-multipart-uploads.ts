// ListMultipartUploads (S3 API reference; KakaoCloud S3 document "ListMultipartUploads").
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { sendXml } from '../wire/common-headers';
import { commonPrefixEntries } from '../wire/list-entries';
import { parseListQuery, parseMaxKeys } from '../wire/list-params';
import { ownerResolver } from '../wire/owner';
import { xmlTime } from '../wire/timestamps';
import { renderXml } from '../wire/xml';

export const listMultipartUploads: S3Operation = {
  name: 'ListMultipartUploads',
  action: 'storage.objects.list',
  needsBucket: true,
  async run(call) {
    const bucket = bucketOf(call);
    const { query } = call;
    const { prefix, delimiter, encoding, encode } = parseListQuery(query);
    const maxUploads = parseMaxKeys(query, 'max-uploads');
    const keyMarker = query.get('key-marker') ?? '';
    const uploadIdMarker = query.get('upload-id-marker') ?? '';
    const page = await call.services.storage.multipart.list({
      bucket,
      prefix,
      delimiter,
      keyMarker,
      uploadIdMarker: keyMarker ? uploadIdMarker : undefined,
      maxUploads,
    });
    const owner = ownerResolver(call.services.identity);
    const uploads = await Promise.all(
      page.uploads.map(async (upload) => {
        const who = (await owner(upload.ownerUserId)) ?? {};
        return {
          Key: encode(upload.key),
          UploadId: upload.uploadId,
          Initiator: who,
          Owner: who,
          StorageClass: 'STANDARD',
          Initiated: xmlTime(upload.initiatedAt),
          ...(upload.checksumAlgorithm ? { ChecksumAlgorithm: upload.checksumAlgorithm.toUpperCase() } : {}),
        };
      }),
    );
    const xml = renderXml('ListMultipartUploadsResult', {
      Tenant: call.accountId,
      Bucket: bucket.name,
      KeyMarker: encode(keyMarker),
      UploadIdMarker: uploadIdMarker,
      NextKeyMarker: encode(page.nextKeyMarker ?? ''),
      NextUploadIdMarker: page.nextUploadIdMarker ?? '',
      ...(delimiter ? { Delimiter: encode(delimiter) } : {}),
      Prefix: encode(prefix),
      MaxUploads: maxUploads,
      IsTruncated: page.isTruncated,
      ...(encoding ? { EncodingType: encoding } : {}),
      Upload: uploads,
      CommonPrefixes: commonPrefixEntries(page.commonPrefixes, encode),
    });
    sendXml(call.res, xml);
  },
};
