import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import type { Request, Response } from 'express';
import { authorize, S3Authenticator } from '@gw/auth';
import { GatewayError } from '@gw/core';
import { queryParams } from '@gw/http';
import { signableRequest } from '../request/signable';
import { resolveTarget } from '../request/target';
import { setCommonHeaders } from '../wire/common-headers';
import { matchRoute } from './route-table';
import type { S3Call, S3Services } from './s3-operation';

/**
 * The fixed lifecycle of every S3 request: identify the target and the operation, authenticate
 * the signature, load the bucket, ask the access decision point, run the operation. Errors
 * thrown anywhere are rendered by the app's error middleware.
 */
export function s3RequestHandler(services: S3Services, authenticator: S3Authenticator) {
  return async (req: Request, res: Response): Promise<void> => {
    setCommonHeaders(res);
    const signable = signableRequest(req);
    const target = resolveTarget(signable.rawPath);
    const query = queryParams(req);
    const operation = matchRoute(req.method, target, query);
    res.locals.operation = operation.name;

    const auth = await authenticator.authenticate(signable);
    const principal = auth.principal;
    const accountId = target.accountId ?? (principal.kind === 'user' ? principal.accountId : undefined);
    if (!accountId) throw new GatewayError('AccessDenied');

    const bucket =
      target.bucketName !== undefined && operation.needsBucket
        ? await services.storage.buckets.get(accountId, target.bucketName)
        : undefined;
    authorize({ principal, action: operation.action, resource: { accountId, bucket, key: target.key } });

    const call: S3Call = {
      req,
      res,
      services,
      target,
      query,
      principal,
      auth,
      accountId,
      bucket,
      body: () => verifiedBody(req, auth.bodyVerifier),
    };
    await operation.run(call);
  };
}

function verifiedBody(req: Request, verifier: S3Call['auth']['bodyVerifier']): Readable {
  if (!verifier) return req;
  // pipeline carries an aborted request into the verifier as an error, and cleans both up.
  return pipeline(req, verifier, () => undefined);
}
