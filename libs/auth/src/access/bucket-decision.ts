/**
 * A yes/no question to the decision point about whole buckets, for work that reaches buckets
 * other than the one a request addresses (the containers of a large object's segments) or asks
 * what a caller may do there (Swift shows owner headers only to those who may change ACLs).
 *
 * API: `bucketDecision(principal, action, context?)` -> `(bucket) => boolean`.
 */
import type { BucketRecord } from '@gw/core';
import type { Principal } from '../principal';
import type { Action } from './actions';
import { AccessRequest, decide } from './decide';

export function bucketDecision(principal: Principal, action: Action, context?: AccessRequest['context']): (bucket: BucketRecord) => boolean {
  return (bucket) => decide({ principal, action, resource: { accountId: bucket.accountId, bucket }, context }).effect === 'allow';
}
