// CORS for S3 (S3 user guide "Using cross-origin resource sharing"; the KakaoCloud /v1_ext CORS
// rules apply to `/:bucket` and `/:bucket/*object` of the S3 API too):
// - a preflight `OPTIONS /{accountId}:{bucket}[/key]` is answered here, anonymously by nature,
//   from the bucket's rules: 200 with the Access-Control-* headers of the matching rule, or 403
//   AccessForbidden as S3 gives it;
// - every other response of a bucket with CORS rules gets `Vary: Origin`, and the
//   Access-Control-* headers when its Origin and method match a rule. The bucket is the one the
//   request lifecycle loaded (request facts), so this costs no lookup of its own.
import type { Request, RequestHandler, Response } from 'express';
import { CORS_METHODS, corsOf, GatewayError, matchCors, Storage } from '@gw/core';
import { signableRequest } from '../request/signable';
import { resolveTarget } from '../request/target';
import { noteRequestFacts, requestFacts } from '../routing/request-facts';
import { setCommonHeaders } from '../wire/common-headers';
import { addVary, writeCorsHeaders } from '../wire/cors-headers';
import { beforeHeaders } from './before-headers';

export interface CorsOptions {
  storage: Storage;
  /** S3_DOMAIN, for virtual-host-style addressing (see `resolveTarget`). */
  domain?: string;
}

export function s3Cors(options: CorsOptions): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'OPTIONS') {
      preflight(options, req, res).catch(next);
      return;
    }
    beforeHeaders(res, () => corsForActualRequest(req, res));
    next();
  };
}

async function preflight({ storage, domain }: CorsOptions, req: Request, res: Response): Promise<void> {
  setCommonHeaders(res);
  const target = resolveTarget(signableRequest(req).rawPath, req.headers.host, domain);
  noteRequestFacts(res, { target });
  // The service has no CORS rules; S3 has no OPTIONS on it.
  if (target.kind === 'service' || target.bucketName === undefined) throw new GatewayError('MethodNotAllowed');
  const origin = singleHeader(req, 'origin');
  if (!origin) throw new GatewayError('BadRequest', 'Insufficient information. Origin request header needed.');
  const method = singleHeader(req, 'access-control-request-method');
  if (!method || !(CORS_METHODS as readonly string[]).includes(method)) {
    throw new GatewayError('BadRequest', `Invalid Access-Control-Request-Method: ${method ?? 'null'}`);
  }
  // A preflight carries no credentials, so only the URL can say whose bucket it is.
  if (target.accountId === undefined) {
    throw new GatewayError('AccessDenied', 'A CORS request names its bucket as {accountId}:{bucket} in the path.');
  }
  const bucket = await storage.buckets.get(target.accountId, target.bucketName);
  noteRequestFacts(res, { bucket });

  const details = { Method: method, ResourceType: target.kind === 'object' ? 'OBJECT' : 'BUCKET' };
  const cors = corsOf(bucket);
  if (!cors) throw new GatewayError('AccessForbidden', 'CORSResponse: CORS is not enabled for this bucket.', details);
  const requestHeaders = singleHeader(req, 'access-control-request-headers')?.split(',') ?? [];
  const match = matchCors(cors, { origin, method, requestHeaders });
  if (!match) throw new GatewayError('AccessForbidden', undefined, details);

  writeCorsHeaders(res, match, true);
  addVary(res, 'Origin', 'Access-Control-Request-Headers', 'Access-Control-Request-Method');
  res.status(200).setHeader('Content-Length', '0');
  res.end();
}

function corsForActualRequest(req: Request, res: Response): void {
  const bucket = requestFacts(res).bucket;
  const cors = bucket && corsOf(bucket);
  if (!cors) return;
  // Caches must keep answers to different origins apart, matched or not.
  addVary(res, 'Origin');
  const origin = singleHeader(req, 'origin');
  const match = origin ? matchCors(cors, { origin, method: req.method }) : undefined;
  if (match) writeCorsHeaders(res, match, false);
}

function singleHeader(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}
