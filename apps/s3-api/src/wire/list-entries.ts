import type { ObjectRecord } from '@gw/core';
import { quoteEtag } from './object-headers';
import type { S3Owner } from './owner';
import { xmlTime } from './timestamps';

/** A `<Contents>` entry of ListObjects and ListObjectsV2. */
export function contentsEntry(object: ObjectRecord, encode: (v: string) => string, owner?: S3Owner): object {
  return {
    Key: encode(object.key),
    LastModified: xmlTime(object.createdAt),
    ETag: quoteEtag(object.etag),
    Size: object.size,
    ...(owner ? { Owner: owner } : {}),
    StorageClass: 'STANDARD',
  };
}

export function commonPrefixEntries(prefixes: string[], encode: (v: string) => string): object[] {
  return prefixes.map((prefix) => ({ Prefix: encode(prefix) }));
}
