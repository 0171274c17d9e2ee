import { decide } from '@gw/auth';
import type { SwiftCall } from './swift-operation';

/**
 * Whether the caller may administer the addressed container (change its ACLs), or the account
 * for an account request, asked at the decision point: Swift shows its owner headers (ACLs, temp
 * URL keys) only to such callers, never to readers or to those an ACL lets in.
 */
export const mayAdminister = (call: SwiftCall): boolean =>
  decide({ principal: call.principal, action: 'storage.buckets.setAcl', resource: { accountId: call.account.id, bucket: call.bucket } }).effect === 'allow';
