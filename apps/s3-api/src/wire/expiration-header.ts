import type { Response } from 'express';
import { BucketRecord, expirationFor, lifecycleOf, ObjectRecord } from '@gw/core';
import { httpDate } from './timestamps';

/**
 * `x-amz-expiration: expiry-date="<RFC 1123>", rule-id="<id>"` on GET and HEAD of a current
 * version that a lifecycle rule of the bucket expires (S3 API reference, GetObject). The rule id
 * is URL-encoded, as S3 sends it: it is client text and could hold a quote.
 */
export function writeExpirationHeader(res: Response, bucket: BucketRecord, object: ObjectRecord): void {
  const lifecycle = lifecycleOf(bucket);
  if (!lifecycle || !object.isLatest || object.isDeleteMarker) return;
  const expiration = expirationFor(object, lifecycle.rules);
  if (!expiration) return;
  res.setHeader('x-amz-expiration', `expiry-date="${httpDate(expiration.expiresAt)}", rule-id="${encodeURIComponent(expiration.ruleId)}"`);
}
