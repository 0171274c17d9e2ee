// ListObjectVersions (S3 API reference): prefix, delimiter, key-marker, version-id-marker, max-keys, encoding-type.
import type { ObjectRecord } from '@gw/core';
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { sendXml } from '../wire/common-headers';
import { commonPrefixEntries } from '../wire/list-entries';
import { parseListQuery } from '../wire/list-params';
import { quoteEtag } from '../wire/object-headers';
import { ownerResolver, S3Owner } from '../wire/owner';
import { xmlTime } from '../wire/timestamps';
import { renderXml } from '../wire/xml';

export const listObjectVersions: S3Operation = {
  name: 'ListObjectVersions',
  action: 'storage.objects.list',
  needsBucket: true,
  async run(call) {
    const bucket = bucketOf(call);
    const { query } = call;
    const { prefix, delimiter, maxKeys, encoding, encode } = parseListQuery(query);
    const keyMarker = query.get('key-marker') ?? '';
    const versionIdMarker = query.get('version-id-marker') ?? undefined;

    const page = await call.services.storage.objects.listVersions({ bucket, prefix, delimiter, keyMarker, versionIdMarker, maxKeys });
    const owner = ownerResolver(call.services.identity);
    // Versions and delete markers interleave, keys in order and each key's versions newest first.
    const entries = await Promise.all(page.versions.map(async (v) => versionEntry(v, encode, await owner(v.ownerUserId))));
    const xml = renderXml('ListVersionsResult', {
      Name: bucket.name,
      Prefix: encode(prefix),
      KeyMarker: encode(keyMarker),
      VersionIdMarker: versionIdMarker ?? '',
      ...(page.nextKeyMarker !== undefined ? { NextKeyMarker: encode(page.nextKeyMarker) } : {}),
      ...(page.nextVersionIdMarker !== undefined ? { NextVersionIdMarker: page.nextVersionIdMarker } : {}),
      MaxKeys: maxKeys,
      ...(delimiter ? { Delimiter: encode(delimiter) } : {}),
      IsTruncated: page.isTruncated,
      ...(encoding ? { EncodingType: encoding } : {}),
      $$: entries,
      CommonPrefixes: commonPrefixEntries(page.commonPrefixes, encode),
    });
    sendXml(call.res, xml);
  },
};

/** A `<Version>` or `<DeleteMarker>` entry. */
function versionEntry(v: ObjectRecord, encode: (value: string) => string, owner: S3Owner | undefined): object {
  const common = { Key: encode(v.key), VersionId: v.versionId, IsLatest: v.isLatest, LastModified: xmlTime(v.createdAt) };
  if (v.isDeleteMarker) return { DeleteMarker: { ...common, ...(owner ? { Owner: owner } : {}) } };
  return {
    Version: { ...common, ETag: quoteEtag(v.etag), Size: v.size, ...(owner ? { Owner: owner } : {}), StorageClass: 'STANDARD' },
  };
}
