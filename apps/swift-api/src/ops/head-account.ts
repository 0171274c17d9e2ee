// Swift "Show account metadata" (HEAD /v1/{account}): usage counters, X-Timestamp.
import type { Response } from 'express';
import type { AccountRecord, Storage } from '@gw/core';
import { mayAdminister } from '../routing/may-administer';
import type { SwiftOperation } from '../routing/swift-operation';
import { visibleMeta } from '../wire/owner-meta';
import { swiftTimestamp, writeMetaHeaders } from '../wire/swift-headers';

export const headAccount: SwiftOperation = {
  name: 'HeadAccount',
  action: 'storage.buckets.list',
  needsBucket: false,
  async run(call) {
    await writeAccountHeaders(call.res, call.services.storage, call.account, mayAdminister(call));
    call.res.status(204).end();
  },
};

/** The account headers HEAD and GET share; the temp URL keys only for a caller who may administer the account. */
export async function writeAccountHeaders(res: Response, storage: Storage, account: AccountRecord, owner: boolean): Promise<void> {
  const usage = await storage.accounts.usage(account.id);
  res.setHeader('X-Account-Container-Count', String(usage.bucketCount));
  res.setHeader('X-Account-Object-Count', String(usage.objectCount));
  res.setHeader('X-Account-Bytes-Used', String(usage.bytesUsed));
  res.setHeader('X-Timestamp', swiftTimestamp(account.createdAt));
  writeMetaHeaders(res, visibleMeta(account.meta, owner), 'Account');
}
