import { PassThrough, Readable, Transform } from 'node:stream';
import type { Request, Response } from 'express';
import { authorize, OBJECT_ACL_ACTIONS, S3Authenticator } from '@gw/auth';
import { GatewayError } from '@gw/core';
import { accessContextReader, IpMatcher, queryParams } from '@gw/http';
import { signableRequest } from '../request/signable';
import { resolveTarget } from '../request/target';
import { setCommonHeaders } from '../wire/common-headers';
import { matchRoute } from './route-table';
import { noteRequestFacts } from './request-facts';
import type { S3Call, S3Services } from './s3-operation';

/**
 * The fixed lifecycle of every S3 request: identify the target and the operation, authenticate
 * the signature, load the bucket, ask the access decision point, run the operation. Errors
 * thrown anywhere are rendered by the app's error middleware.
 */
export function s3RequestHandler(services: S3Services, authenticator: S3Authenticator, options: { trustedProxies?: IpMatcher | readonly string[] } = {}) {
  const accessContext = accessContextReader(options.trustedProxies);
  return async (req: Request, res: Response): Promise<void> => {
    setCommonHeaders(res);
    const signable = signableRequest(req);
    const target = resolveTarget(signable.rawPath, req.headers.host, services.domain);
    const query = queryParams(req);
    const operation = matchRoute(req.method, target, query, req.headers);
    res.locals.operation = operation.name;

    const auth = operation.authenticate
      ? await operation.authenticate({ req, res, target, authenticator })
      : await authenticator.authenticate({ ...signable, hostBucket: target.hostBucket });
    const principal = auth.principal;
    const accountId = target.accountId ?? (principal.kind === 'user' ? principal.accountId : undefined);
    if (!accountId) throw new GatewayError('AccessDenied');

    // When the object's own ACL can allow the action, its owner and ACL come with the bucket, in one query.
    const object =
      target.key !== undefined && OBJECT_ACL_ACTIONS.has(operation.action)
        ? { key: target.key, versionId: query.get('versionId') ?? undefined }
        : undefined;
    const access =
      target.bucketName !== undefined && operation.needsBucket
        ? await services.storage.acls.accessTarget(accountId, target.bucketName, object)
        : undefined;
    const bucket = access?.bucket;
    // For the CORS and access-log middlewares, before the decision: a refused request is answered and logged too.
    noteRequestFacts(res, { target, principal, bucket });
    const context = accessContext(req);
    authorize({ principal, action: operation.action, resource: { accountId, bucket, key: target.key, object: access?.object }, context });

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
      accessContext: context,
      body: () => requestBody(req, auth.bodyVerifier),
    };
    await operation.run(call);
  };
}

/**
 * The request body as the core must store it (through the signature verifier when there is
 * one). The request is piped, not pipelined: when the store gives up on the body (bad chunk
 * signature, too large), the request socket stays open so the client still gets the S3 error
 * (sent with `Connection: close`). A client that goes away mid-body fails the write with
 * IncompleteBody.
 */
function requestBody(req: Request, verifier: Transform | undefined): Readable {
  const body = verifier ?? new PassThrough({ highWaterMark: 1024 * 1024 });
  req.on('error', (error) => body.destroy(error));
  req.on('close', () => {
    if (!req.complete) body.destroy(new GatewayError('IncompleteBody'));
  });
  req.pipe(body);
  return body;
}
