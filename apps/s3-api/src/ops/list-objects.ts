// ListObjects, version 1 (S3 API reference; limits of the OpenAPI document 001).
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { sendXml } from '../wire/common-headers';
import { commonPrefixEntries, contentsEntry } from '../wire/list-entries';
import { parseListQuery } from '../wire/list-params';
import { ownerResolver } from '../wire/owner';
import { renderXml } from '../wire/xml';

export const listObjects: S3Operation = {
  name: 'ListObjects',
  action: 'storage.objects.list',
  needsBucket: true,
  async run(call) {
    const bucket = bucketOf(call);
    const { query } = call;
    const { prefix, delimiter, maxKeys, encoding, encode } = parseListQuery(query);
    const marker = query.get('marker') ?? '';

    const page = await call.services.storage.objects.list({ bucket, prefix, delimiter, after: marker, maxKeys });
    const owner = ownerResolver(call.services.identity);
    const contents = await Promise.all(page.objects.map(async (o) => contentsEntry(o, encode, await owner(o.ownerUserId))));
    const xml = renderXml('ListBucketResult', {
      Name: bucket.name,
      Prefix: encode(prefix),
      Marker: encode(marker),
      // S3 sends NextMarker only with a delimiter; without one the last key is the marker.
      ...(page.isTruncated && delimiter ? { NextMarker: encode(page.nextAfter ?? '') } : {}),
      MaxKeys: maxKeys,
      ...(delimiter ? { Delimiter: encode(delimiter) } : {}),
      IsTruncated: page.isTruncated,
      ...(encoding ? { EncodingType: encoding } : {}),
      Contents: contents,
      CommonPrefixes: commonPrefixEntries(page.commonPrefixes, encode),
    });
    sendXml(call.res, xml);
  },
};
