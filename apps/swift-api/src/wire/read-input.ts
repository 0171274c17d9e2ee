import type { ReadObjectInput } from '@gw/core';
import { parseRangeHeader, parseReadConditions } from '@gw/http';
import { containerDecision } from '../routing/segment-access';
import { containerOf, SwiftCall } from '../routing/swift-operation';

/** What an object GET/HEAD asks the core: the object, its preconditions and range. */
export function readInput(call: SwiftCall): ReadObjectInput {
  const bucket = containerOf(call);
  return {
    bucket,
    key: call.target.object!,
    conditions: parseReadConditions(call.req.headers),
    range: parseRangeHeader(call.req.get('range')),
    // A DLO's segments may be in another container, which the caller must be allowed to read too.
    mayReadSegments: containerDecision(call, 'storage.objects.get'),
  };
}
