import type { Request, Response } from 'express';
import { authorize, principalOfAuthToken } from '@gw/auth';
import { GatewayError, isGatewayError } from '@gw/core';
import { queryParams } from '@gw/http';
import { matchRoute } from './route-table';
import type { V1extServices } from './v1ext-operation';
import { parseV1extPath } from './v1ext-target';
import { noteLoadedBucket } from './loaded-bucket';

/**
 * The fixed lifecycle of every /v1_ext request: identify the target and the operation,
 * authenticate the X-Auth-Token (every call needs one: 401 without), load the bucket of the
 * caller's project, ask the access decision point (403), run the operation. A missing bucket is
 * told only after the decision (404). Errors are rendered by the app's error middleware.
 */
export function v1extRequestHandler(services: V1extServices) {
  return async (req: Request, res: Response): Promise<void> => {
    const target = parseV1extPath(req.originalUrl.split('?')[0]);
    if (!target) throw new GatewayError('NotFound', 'No such resource.');
    const operation = matchRoute(req.method, target);
    res.locals.operation = operation.name;
    const principal = await principalOfAuthToken(services, req.get('x-auth-token'));
    if (principal.kind !== 'user') throw new GatewayError('Unauthorized');

    const accountId = principal.accountId;
    const bucketName = target.kind === 'buckets' ? undefined : target.bucket;
    const bucket = bucketName !== undefined ? await services.storage.buckets.get(accountId, bucketName).catch(notFound) : undefined;
    authorize({ principal, action: operation.action, resource: { accountId, bucket } });
    if (bucketName !== undefined && !bucket) throw new GatewayError('NoSuchBucket', undefined, { BucketName: bucketName });
    if (bucket) noteLoadedBucket(res, bucket);

    await operation.run({ req, res, services, query: queryParams(req), principal, accountId, bucketName, bucket });
  };
}

function notFound(error: unknown): undefined {
  if (isGatewayError(error) && error.code === 'NoSuchBucket') return undefined;
  throw error;
}
