/**
 * The entries of a Swift container listing, read through the core listing (which keeps the index
 * use, marker and delimiter semantics): `prefix`, `delimiter`, `marker`, `end_marker`, `limit`,
 * `reverse=true` (descending order; marker and end_marker then bound it from the other side) and
 * `path`, as Swift's container server answers them.
 *
 * `path=p` lists what is directly under `p/` and no `subdir` entries: the objects whose name has
 * no `/` past `p/` (or only a trailing one: the folder markers of sub-folders), never the `p/`
 * marker itself. Sub-folders are skipped with one index seek each; a page is filled across them.
 *
 * API: `listObjectEntries(storage, bucket, params)` -> `ListingEntry[]` in listing order.
 */
import type { BucketRecord, ObjectRecord, Storage } from '@gw/core';
import { isGatewayError } from '@gw/core';
import type { ListingEntry } from './listing';

export interface ObjectListingParams {
  prefix?: string;
  delimiter?: string;
  path?: string;
  marker: string;
  endMarker: string;
  limit: number;
  reverse: boolean;
}

export async function listObjectEntries(storage: Storage, bucket: BucketRecord, params: ObjectListingParams): Promise<ListingEntry[]> {
  if (params.path !== undefined) return listPath(storage, bucket, params.path, params);
  const page = await storage.objects.list({
    bucket,
    prefix: params.prefix,
    delimiter: params.delimiter,
    after: params.marker || undefined,
    until: params.endMarker || undefined,
    maxKeys: params.limit,
    reverse: params.reverse,
  });
  const entries = [...page.objects.map((o) => ({ key: o.key, entry: objectEntry(o) })), ...page.commonPrefixes.map((p) => ({ key: p, entry: { subdir: p } }))];
  const direction = params.reverse ? -1 : 1;
  return entries.sort((a, b) => direction * Buffer.compare(Buffer.from(a.key), Buffer.from(b.key))).map((e) => e.entry);
}

async function listPath(storage: Storage, bucket: BucketRecord, path: string, params: ObjectListingParams): Promise<ListingEntry[]> {
  const prefix = path === '' ? '' : `${path.replace(/\/+$/, '')}/`;
  const found: { key: string; entry: ListingEntry }[] = [];
  let after = params.marker || undefined;
  for (;;) {
    const page = await storage.objects.list({ bucket, prefix, delimiter: '/', after, until: params.endMarker || undefined, maxKeys: params.limit - found.length, reverse: params.reverse });
    const markers = await folderMarkers(storage, bucket, page.commonPrefixes);
    const entries = [...page.objects.filter((o) => o.key !== prefix), ...markers].map((o) => ({ key: o.key, entry: objectEntry(o) }));
    const direction = params.reverse ? -1 : 1;
    found.push(...entries.sort((a, b) => direction * Buffer.compare(Buffer.from(a.key), Buffer.from(b.key))));
    if (!page.isTruncated || found.length >= params.limit) return found.slice(0, params.limit).map((e) => e.entry);
    after = page.nextAfter;
  }
}

/** The sub-folders among `prefixes` that have a marker object (`sub/` itself). */
async function folderMarkers(storage: Storage, bucket: BucketRecord, prefixes: string[]): Promise<ObjectRecord[]> {
  const markers: ObjectRecord[] = [];
  for (const key of prefixes) {
    try {
      markers.push((await storage.objects.head({ bucket, key })).object);
    } catch (error) {
      if (!isGatewayError(error) || error.code !== 'NoSuchKey') throw error;
    }
  }
  return markers;
}

const objectEntry = (o: ObjectRecord): ListingEntry => ({
  name: o.key,
  hash: o.etag,
  bytes: o.size,
  content_type: o.contentType ?? 'application/octet-stream',
  last_modified: o.createdAt.toISOString().replace('Z', '000'),
});
