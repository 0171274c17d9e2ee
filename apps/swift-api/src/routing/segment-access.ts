/**
 * The access decision on the containers a large object's segments live in (SLO manifest PUT and
 * DELETE, DLO GET/HEAD, COPY of a DLO): the core asks it per container through a callback, so
 * the decision stays in the one decision point, with the caller's principal and access context.
 *
 * API: `containerDecision(call, action)` -> `(bucket) => boolean`.
 */
import { Action, bucketDecision } from '@gw/auth';
import type { BucketRecord } from '@gw/core';
import type { SwiftCall } from './swift-operation';

export const containerDecision = (call: SwiftCall, action: Action): ((bucket: BucketRecord) => boolean) =>
  bucketDecision(call.principal, action, call.accessContext);
