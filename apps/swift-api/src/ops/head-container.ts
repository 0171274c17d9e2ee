// Swift "Show container metadata" (HEAD /v1/{account}/{container}).
import type { Response } from 'express';
import type { BucketRecord } from '@gw/core';
import { containerOf, SwiftOperation } from '../routing/swift-operation';
import { swiftTimestamp, writeMetaHeaders } from '../wire/swift-headers';

export const headContainer: SwiftOperation = {
  name: 'HeadContainer',
  action: 'storage.buckets.get',
  needsBucket: true,
  async run(call) {
    writeContainerHeaders(call.res, containerOf(call));
    call.res.status(204).end();
  },
};

/** The container headers HEAD and GET share. */
export function writeContainerHeaders(res: Response, bucket: BucketRecord): void {
  res.setHeader('X-Container-Object-Count', String(bucket.objectCount));
  res.setHeader('X-Container-Bytes-Used', String(bucket.bytesUsed));
  res.setHeader('X-Timestamp', swiftTimestamp(bucket.createdAt));
  res.setHeader('X-Storage-Policy', 'Policy-0');
  writeMetaHeaders(res, bucket.meta, 'Container');
}
