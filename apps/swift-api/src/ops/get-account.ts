// Swift "Show account details and list containers" (GET /v1/{account}).
import { mayAdminister } from '../routing/may-administer';
import type { SwiftOperation } from '../routing/swift-operation';
import { ListingEntry, listingParams, sendListing } from '../wire/listing';
import { ACCOUNT_LISTING_LIMIT } from '../wire/limits';
import { writeAccountHeaders } from './head-account';

const MAX_CONTAINERS = ACCOUNT_LISTING_LIMIT;

export const getAccount: SwiftOperation = {
  name: 'GetAccount',
  action: 'storage.buckets.list',
  needsBucket: false,
  async run(call) {
    const { query, res } = call;
    const { format, limit, marker, endMarker } = listingParams(query, call.req.get('accept'), MAX_CONTAINERS);
    const prefix = query.get('prefix') ?? '';
    // An account holds at most TooManyBuckets containers: they are listed in memory. With
    // `reverse`, the listing runs backwards and marker / end_marker bound it from the other side.
    const reverse = isTrue(query.get('reverse'));
    const inRange = (name: string) =>
      reverse ? (marker === '' || name < marker) && name > endMarker : name > marker && (endMarker === '' || name < endMarker);
    const buckets = (await call.services.storage.buckets.list(call.account.id))
      .filter((b) => b.name.startsWith(prefix) && inRange(b.name))
      .sort((a, b) => (a.name < b.name ? -1 : 1) * (reverse ? -1 : 1));
    const entries: ListingEntry[] = buckets.slice(0, limit).map((b) => ({ name: b.name, count: b.objectCount, bytes: b.bytesUsed, last_modified: b.createdAt.toISOString() }));
    await writeAccountHeaders(res, call.services.storage, call.account, mayAdminister(call));
    sendListing(res, format, { tag: 'account', name: call.account.name, item: 'container' }, entries);
  },
};

export const isTrue = (value: string | null): boolean => value !== null && ['true', '1', 'yes', 'on', 't', 'y'].includes(value.toLowerCase());
