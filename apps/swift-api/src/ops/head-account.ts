// Swift "Show account metadata" (HEAD /v1/{account}): usage counters, X-Timestamp.
import type { Response } from 'express';
import type { AccountRecord, Storage } from '@gw/core';
import type { SwiftOperation } from '../routing/swift-operation';
import { swiftTimestamp, writeMetaHeaders } from '../wire/swift-headers';

export const headAccount: SwiftOperation = {
  name: 'HeadAccount',
  action: 'storage.buckets.list',
  needsBucket: false,
  async run(call) {
    await writeAccountHeaders(call.res, call.services.storage, call.account);
    call.res.status(204).end();
  },
};

/** The account headers HEAD and GET share. */
export async function writeAccountHeaders(res: Response, storage: Storage, account: AccountRecord): Promise<void> {
  const usage = await storage.accounts.usage(account.id);
  res.setHeader('X-Account-Container-Count', String(usage.bucketCount));
  res.setHeader('X-Account-Object-Count', String(usage.objectCount));
  res.setHeader('X-Account-Bytes-Used', String(usage.bytesUsed));
  res.setHeader('X-Timestamp', swiftTimestamp(account.createdAt));
  writeMetaHeaders(res, account.meta, 'Account');
}
