import type { ReadObjectInput } from '@gw/core';
import { parseRangeHeader, parseReadConditions } from '@gw/http';
import { bucketOf, S3Call } from '../routing/s3-operation';

/** What GetObject and HeadObject ask the core: the object, its preconditions and range. */
export function readObjectInput(call: S3Call): ReadObjectInput {
  return {
    bucket: bucketOf(call),
    key: call.target.key!,
    conditions: parseReadConditions(call.req.headers),
    range: parseRangeHeader(call.req.headers.range),
  };
}
