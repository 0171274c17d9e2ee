import type { ReadObjectInput } from '@gw/core';
import { parseRangeHeader, parseReadConditions } from '@gw/http';
import { containerOf, SwiftCall } from '../routing/swift-operation';

/** What an object GET/HEAD asks the core: the object, its preconditions and range. */
export const readInput = (call: SwiftCall): ReadObjectInput => ({
  bucket: containerOf(call),
  key: call.target.object!,
  conditions: parseReadConditions(call.req.headers),
  range: parseRangeHeader(call.req.get('range')),
});
