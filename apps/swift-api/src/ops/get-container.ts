// Swift "Show container details and list objects" (GET /v1/{account}/{container}).
import { containerOf, SwiftOperation } from '../routing/swift-operation';
import { ListingEntry, listingParams, sendListing } from '../wire/listing';
import { CONTAINER_LISTING_LIMIT } from '../wire/limits';
import { writeContainerHeaders } from './head-container';

const MAX_OBJECTS = CONTAINER_LISTING_LIMIT;

export const getContainer: SwiftOperation = {
  name: 'GetContainer',
  action: 'storage.objects.list',
  needsBucket: true,
  async run(call) {
    const { query, res } = call;
    const bucket = containerOf(call);
    const { format, limit, marker, endMarker } = listingParams(query, call.req.get('accept'), MAX_OBJECTS);
    // `path=p` is `prefix=p/` with `/` as the delimiter.
    const path = query.get('path');
    const prefix = path !== null ? (path === '' || path.endsWith('/') ? path : `${path}/`) : (query.get('prefix') ?? undefined);
    const delimiter = path !== null ? '/' : (query.get('delimiter') ?? undefined);
    const page = await call.services.storage.objects.list({ bucket, prefix, delimiter, after: marker || undefined, maxKeys: limit });
    const entries: (ListingEntry & { sortKey: string })[] = [
      ...page.objects.map((o) => ({ sortKey: o.key, name: o.key, hash: o.etag, bytes: o.size, content_type: o.contentType ?? 'application/octet-stream', last_modified: o.createdAt.toISOString().replace('Z', '000') })),
      ...page.commonPrefixes.map((p) => ({ sortKey: p, subdir: p })),
    ];
    const listed = entries
      .filter((e) => endMarker === '' || Buffer.compare(Buffer.from(e.sortKey), Buffer.from(endMarker)) < 0)
      .sort((a, b) => Buffer.compare(Buffer.from(a.sortKey), Buffer.from(b.sortKey)))
      .map(({ sortKey: _sortKey, ...entry }) => entry as ListingEntry);
    writeContainerHeaders(res, bucket);
    sendListing(res, format, { tag: 'container', name: bucket.name, item: 'object' }, listed);
  },
};
