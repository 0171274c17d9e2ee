// ListObjectsV2 (S3 API reference): continuation tokens, start-after, fetch-owner, KeyCount.
import { GatewayError } from '@gw/core';
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { sendXml } from '../wire/common-headers';
import { commonPrefixEntries, contentsEntry } from '../wire/list-entries';
import { parseListQuery } from '../wire/list-params';
import { ownerResolver } from '../wire/owner';
import { renderXml } from '../wire/xml';

export const listObjectsV2: S3Operation = {
  name: 'ListObjectsV2',
  action: 'storage.objects.list',
  needsBucket: true,
  async run(call) {
    const bucket = bucketOf(call);
    const { query } = call;
    const { prefix, delimiter, maxKeys, encoding, encode } = parseListQuery(query);
    const startAfter = query.get('start-after') ?? '';
    const token = query.get('continuation-token');
    const fetchOwner = query.get('fetch-owner') === 'true';

    // A continuation token resumes after the last key or prefix of the previous page; it wins over start-after.
    const after = token !== null ? decodeToken(token) : startAfter;
    const page = await call.services.storage.objects.list({ bucket, prefix, delimiter, after, maxKeys });
    const owner = ownerResolver(call.services.identity);
    const contents = await Promise.all(
      page.objects.map(async (o) => contentsEntry(o, encode, fetchOwner ? await owner(o.ownerUserId) : undefined)),
    );
    const xml = renderXml('ListBucketResult', {
      Name: bucket.name,
      Prefix: encode(prefix),
      ...(token !== null ? { ContinuationToken: token } : {}),
      ...(page.isTruncated ? { NextContinuationToken: encodeToken(page.nextAfter ?? '') } : {}),
      KeyCount: page.objects.length + page.commonPrefixes.length,
      MaxKeys: maxKeys,
      ...(delimiter ? { Delimiter: encode(delimiter) } : {}),
      IsTruncated: page.isTruncated,
      ...(startAfter ? { StartAfter: encode(startAfter) } : {}),
      ...(encoding ? { EncodingType: encoding } : {}),
      Contents: contents,
      CommonPrefixes: commonPrefixEntries(page.commonPrefixes, encode),
    });
    sendXml(call.res, xml);
  },
};

/** Opaque to clients: a versioned wrapper around the resume position. */
function encodeToken(after: string): string {
  return Buffer.from(`1:${after}`, 'utf8').toString('base64url');
}

function decodeToken(token: string): string {
  const decoded = Buffer.from(token, 'base64url').toString('utf8');
  if (!decoded.startsWith('1:') || encodeToken(decoded.slice(2)) !== token) {
    throw new GatewayError('InvalidArgument', 'The continuation token provided is incorrect', { ArgumentName: 'continuation-token' });
  }
  return decoded.slice(2);
}
