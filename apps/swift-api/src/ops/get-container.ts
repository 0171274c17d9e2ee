// Swift "Show container details and list objects" (GET /v1/{account}/{container}).
import { mayAdminister } from '../routing/may-administer';
import { containerOf, SwiftOperation } from '../routing/swift-operation';
import { listingParams, sendListing } from '../wire/listing';
import { listObjectEntries } from '../wire/object-listing';
import { CONTAINER_LISTING_LIMIT } from '../wire/limits';
import { isTrue } from './get-account';
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
    const listed = await listObjectEntries(call.services.storage, bucket, {
      prefix: query.get('prefix') ?? undefined,
      delimiter: query.get('delimiter') ?? undefined,
      path: query.get('path') ?? undefined,
      marker,
      endMarker,
      limit,
      reverse: isTrue(query.get('reverse')),
    });
    writeContainerHeaders(res, bucket, mayAdminister(call));
    sendListing(res, format, { tag: 'container', name: bucket.name, item: 'object' }, listed);
  },
};
