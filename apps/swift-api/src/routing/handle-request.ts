import type { Request, Response } from 'express';
import { ANONYMOUS, decide, OBJECT_ACL_ACTIONS, SignedScope } from '@gw/auth';
import { GatewayError, isGatewayError } from '@gw/core';
import { accessContextReader, IpMatcher, queryParams } from '@gw/http';
import { parseSwiftPath } from '../request/target';
import { setCommonHeaders } from '../wire/common-headers';
import { authenticate } from './authenticate';
import { refusal } from './authorize-target';
import { matchRoute } from './route-table';
import { presentsTempUrl, shapeTempUrlAnswer, tempUrlScopeOf } from './temp-url-access';
import type { SwiftServices } from './swift-operation';

/**
 * The fixed lifecycle of every Swift storage request: identify the target and the operation,
 * authenticate the token, load the account and container, ask the access decision point, run
 * the operation. Errors thrown anywhere are rendered by the app's error middleware.
 */
export function swiftRequestHandler(services: SwiftServices, options: { trustedProxies?: IpMatcher | readonly string[] } = {}) {
  const accessContext = accessContextReader(options.trustedProxies);
  return async (req: Request, res: Response): Promise<void> => {
    setCommonHeaders(res);
    const target = parseSwiftPath(req.originalUrl.split('?')[0]);
    if (!target) throw new GatewayError('NotFound');
    const query = queryParams(req);
    const operation = matchRoute(req.method, target, query, req.get('content-type'));
    res.locals.operation = operation.name;
    // A temp URL or a FormPost form is the credential itself: Swift's middlewares ignore tokens then.
    const tempUrl = presentsTempUrl(query);
    const principal = tempUrl || operation.authorizesInRun ? ANONYMOUS : await authenticate(services, req);

    // An account the caller cannot see is refused as the decision point would (401 anonymous, 403 else).
    const account = await services.storage.accounts.find(target.account).catch((error: unknown) => {
      if (isGatewayError(error) && error.code === 'NoSuchAccount') throw tempUrl ? new GatewayError('AccessDenied') : refusal(principal.kind);
      throw error;
    });
    // With the container, in one query, the object's owner and ACL when its ACL can allow the action.
    const object = target.object !== undefined && OBJECT_ACL_ACTIONS.has(operation.action) ? { key: target.object } : undefined;
    const access =
      target.container !== undefined && operation.needsBucket ? await services.storage.acls.accessTarget(account.id, target.container, object).catch(notFound) : undefined;
    const bucket = access?.bucket;
    const context = accessContext(req);
    const authorize = (key: string | undefined, signedScope?: SignedScope): void => {
      const decision = decide({
        principal,
        action: operation.action,
        resource: { accountId: account.id, bucket, key, object: key === target.object ? access?.object : undefined },
        context: { ...context, signedScope },
      });
      // A temp URL that does not open the resource is a 403, as the KakaoCloud spec answers it.
      if (decision.effect === 'deny') throw tempUrl ? new GatewayError('AccessDenied') : refusal(principal.kind);
    };
    if (!operation.authorizesInRun) {
      authorize(target.object, tempUrl ? tempUrlScopeOf(req, query, target, account, bucket, context.sourceIp) : undefined);
      // Only now, so that a caller who may not look learns nothing about what exists.
      if (target.container !== undefined && operation.needsBucket && !bucket) throw new GatewayError('NoSuchBucket');
    }
    if (tempUrl) shapeTempUrlAnswer(req, res, query, target);

    await operation.run({ req, res, services, target, query, principal, account, bucket, authorize, accessContext: context });
  };
}

/** A missing container is told only after the decision (below); other failures propagate. */
function notFound(error: unknown): undefined {
  if (isGatewayError(error) && error.code === 'NoSuchBucket') return undefined;
  throw error;
}
