import type { Request, Response } from 'express';
import { decide, OBJECT_ACL_ACTIONS } from '@gw/auth';
import { GatewayError, isGatewayError } from '@gw/core';
import { queryParams } from '@gw/http';
import { parseSwiftPath } from '../request/target';
import { setCommonHeaders } from '../wire/common-headers';
import { authenticate } from './authenticate';
import { matchRoute } from './route-table';
import type { SwiftServices } from './swift-operation';

/**
 * The fixed lifecycle of every Swift storage request: identify the target and the operation,
 * authenticate the token, load the account and container, ask the access decision point, run
 * the operation. Errors thrown anywhere are rendered by the app's error middleware.
 */
export function swiftRequestHandler(services: SwiftServices) {
  return async (req: Request, res: Response): Promise<void> => {
    setCommonHeaders(res);
    const target = parseSwiftPath(req.originalUrl.split('?')[0]);
    if (!target) throw new GatewayError('NotFound');
    const query = queryParams(req);
    const operation = matchRoute(req.method, target, query);
    res.locals.operation = operation.name;
    const principal = await authenticate(services, req);

    // An account the caller cannot see is refused as the decision point would (401 anonymous, 403 else).
    const account = await services.storage.accounts.find(target.account).catch((error: unknown) => {
      if (isGatewayError(error) && error.code === 'NoSuchAccount') throw refusal(principal.kind);
      throw error;
    });
    // With the container, in one query, the object's owner and ACL when its ACL can allow the action.
    const object = target.object !== undefined && OBJECT_ACL_ACTIONS.has(operation.action) ? { key: target.object } : undefined;
    const access =
      target.container !== undefined && operation.needsBucket ? await services.storage.acls.accessTarget(account.id, target.container, object).catch(notFound) : undefined;
    const bucket = access?.bucket;
    const decision = decide({ principal, action: operation.action, resource: { accountId: account.id, bucket, key: target.object, object: access?.object } });
    if (decision.effect === 'deny') throw refusal(principal.kind);
    // Only now, so that a caller who may not look learns nothing about what exists.
    if (target.container !== undefined && operation.needsBucket && !bucket) throw new GatewayError('NoSuchBucket');

    await operation.run({ req, res, services, target, query, principal, account, bucket });
  };
}

/** A missing container is told only after the decision (below); other failures propagate. */
function notFound(error: unknown): undefined {
  if (isGatewayError(error) && error.code === 'NoSuchBucket') return undefined;
  throw error;
}

/** Swift answers an anonymous caller 401 (authenticate first) and a known one 403. */
const refusal = (kind: 'user' | 'anonymous'): GatewayError => new GatewayError(kind === 'anonymous' ? 'Unauthorized' : 'AccessDenied');
