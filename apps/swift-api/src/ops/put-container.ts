// Swift "Create container" (PUT /v1/{account}/{container}): 201 created, 202 when it exists.
import { isGatewayError } from '@gw/core';
import type { SwiftOperation } from '../routing/swift-operation';

export const putContainer: SwiftOperation = {
  name: 'PutContainer',
  action: 'storage.buckets.create',
  needsBucket: false,
  async run(call) {
    const { principal, res } = call;
    let status = 201;
    try {
      await call.services.storage.buckets.create({ accountId: call.account.id, name: call.target.container!, ownerUserId: principal.kind === 'user' ? principal.userId : undefined });
    } catch (error) {
      if (!isGatewayError(error) || error.code !== 'BucketAlreadyOwnedByYou') throw error;
      status = 202;
    }
    res.status(status).setHeader('Content-Type', 'text/html; charset=UTF-8');
    res.setHeader('Content-Length', '0');
    res.end();
  },
};
