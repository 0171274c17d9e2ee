// Swift "Create container" (PUT /v1/{account}/{container}): 201 created, 202 when it exists.
import { isGatewayError } from '@gw/core';
import type { SwiftOperation } from '../routing/swift-operation';
import { assertSwiftContainerName } from '../wire/container-name';
import { readContainerAclHeaders } from '../wire/container-acl-headers';

export const putContainer: SwiftOperation = {
  name: 'PutContainer',
  action: 'storage.buckets.create',
  needsBucket: false,
  async run(call) {
    const { principal, res } = call;
    assertSwiftContainerName(call.target.container!);
    const acl = readContainerAclHeaders(call.req);
    let status = 201;
    let bucket;
    try {
      bucket = await call.services.storage.buckets.create({ accountId: call.account.id, name: call.target.container!, nameRules: 'swift', ownerUserId: principal.kind === 'user' ? principal.userId : undefined });
    } catch (error) {
      if (!isGatewayError(error) || error.code !== 'BucketAlreadyOwnedByYou') throw error;
      status = 202;
    }
    if (acl) await call.services.storage.bucketConfig.setContainerAcl(bucket ?? (await call.services.storage.buckets.get(call.account.id, call.target.container!)), acl);
    res.status(status).setHeader('Content-Type', 'text/html; charset=UTF-8');
    res.setHeader('Content-Length', '0');
    res.end();
  },
};
