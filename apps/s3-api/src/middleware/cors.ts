// CORS for S3 (S3 user guide "Using cross-origin resource sharing"; the KakaoCloud /v1_ext CORS
// rules apply to `/:bucket` and `/:bucket/*object` of the S3 API too), on the shared
// `crossOrigin` middleware. What is S3's own:
// - which bucket a URL names: `/{accountId}:{bucket}[/key]` exactly; `/{bucket}` and
//   virtual-host style name no account, so they resolve to the one bucket of that name across
//   accounts and are refused when none or several accounts have one (a preflight carries no
//   credentials to tell);
// - the bucket of an actual request is the one its lifecycle loaded (in the caller's account,
//   request facts), or the URL's when it failed before;
// - refusals as S3 gives them: 400 BadRequest without Origin or a usable method, 405 on the
//   service, 404 NoSuchBucket for an unknown `{accountId}:{bucket}`, 403 AccessForbidden else.
import type { Request, RequestHandler, Response } from 'express';
import { GatewayError, Storage } from '@gw/core';
import { crossOrigin, PreflightRefusal, UrlBucket } from '@gw/http';
import { signableRequest } from '../request/signable';
import { resolveTarget } from '../request/target';
import { noteRequestFacts, requestFacts } from '../routing/request-facts';
import { setCommonHeaders } from '../wire/common-headers';

export interface CorsOptions {
  storage: Storage;
  /** S3_DOMAIN, for virtual-host-style addressing (see `resolveTarget`). */
  domain?: string;
}

export function s3Cors({ storage, domain }: CorsOptions): RequestHandler {
  return crossOrigin({
    async bucketOfUrl(req: Request, res: Response): Promise<UrlBucket> {
      const target = resolveTarget(signableRequest(req).rawPath, req.headers.host, domain);
      noteRequestFacts(res, { target });
      if (target.kind === 'service' || target.bucketName === undefined) return { kind: 'none' };
      const bucket = target.accountId !== undefined ? await storage.buckets.get(target.accountId, target.bucketName) : await storage.buckets.findUnique(target.bucketName);
      if (!bucket) return { kind: 'unknown' };
      // For the access log of the preflight (an actual request's bucket is the lifecycle's to note).
      if (req.method === 'OPTIONS') noteRequestFacts(res, { bucket });
      return { kind: 'bucket', bucket };
    },
    loadedBucket: (res) => requestFacts(res).bucket,
    refusePreflight(refusal: PreflightRefusal, _req: Request, res: Response): never {
      throw s3Refusal(refusal, requestFacts(res).target?.kind === 'object' ? 'OBJECT' : 'BUCKET');
    },
    setCommonHeaders,
  });
}

function s3Refusal({ reason, method }: PreflightRefusal, resourceType: 'OBJECT' | 'BUCKET'): GatewayError {
  switch (reason) {
    case 'no-origin':
      return new GatewayError('BadRequest', 'Insufficient information. Origin request header needed.');
    case 'bad-method':
      return new GatewayError('BadRequest', `Invalid Access-Control-Request-Method: ${method ?? 'null'}`);
    case 'no-bucket':
      // The service has no CORS rules; S3 has no OPTIONS on it.
      return new GatewayError('MethodNotAllowed');
    case 'unknown-bucket':
    case 'no-cors':
      return new GatewayError('AccessForbidden', 'CORSResponse: CORS is not enabled for this bucket.', { Method: method, ResourceType: resourceType });
    case 'no-match':
      return new GatewayError('AccessForbidden', undefined, { Method: method, ResourceType: resourceType });
  }
}
