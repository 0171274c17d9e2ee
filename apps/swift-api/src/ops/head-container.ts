// Swift "Show container metadata" (HEAD /v1/{account}/{container}).
import type { Response } from 'express';
import type { BucketRecord } from '@gw/core';
import { mayAdminister } from '../routing/may-administer';
import { containerOf, SwiftOperation } from '../routing/swift-operation';
import { writeContainerAclHeaders } from '../wire/container-acl-headers';
import { visibleMeta } from '../wire/owner-meta';
import { swiftTimestamp, writeMetaHeaders } from '../wire/swift-headers';

export const headContainer: SwiftOperation = {
  name: 'HeadContainer',
  action: 'storage.buckets.get',
  needsBucket: true,
  async run(call) {
    writeContainerHeaders(call.res, containerOf(call), mayAdminister(call));
    call.res.status(204).end();
  },
};

/** The container headers HEAD and GET share; ACLs and temp URL keys only for a caller who may administer the container. */
export function writeContainerHeaders(res: Response, bucket: BucketRecord, owner: boolean): void {
  if (owner) writeContainerAclHeaders(res, bucket);
  res.setHeader('X-Container-Object-Count', String(bucket.objectCount));
  res.setHeader('X-Container-Bytes-Used', String(bucket.bytesUsed));
  res.setHeader('X-Timestamp', swiftTimestamp(bucket.createdAt));
  res.setHeader('X-Storage-Policy', 'Policy-0');
  writeMetaHeaders(res, visibleMeta(bucket.meta, owner), 'Container');
}
