// CORS for Swift (KakaoCloud "Bucket CORS policy": the rules set through /v1_ext apply to
// `/v1/:account/:container` and `/v1/:account/:container/*object`), on the shared
// `crossOrigin` middleware. What is Swift's own, as its proxy does (proxy/controllers/base.py):
// - the URL names the account and the container, so a preflight's bucket needs no guessing;
// - an OPTIONS without Origin, or on an account, is no CORS preflight: 200 with `Allow`;
// - a refused preflight (no rules, no matching rule, unknown container, unusable method) is
//   401 Unauthorized, rendered as Swift renders it;
// - an actual request with an Origin gets the headers from the container its URL names (found
//   before the lifecycle runs, so that a 401 for a bad token carries them too).
import type { RequestHandler, Response } from 'express';
import { GatewayError, isGatewayError, Storage } from '@gw/core';
import { crossOrigin, PreflightRefusal, UrlBucket } from '@gw/http';
import { parseSwiftPath } from '../request/target';
import { setCommonHeaders } from '../wire/common-headers';

/** The methods Swift serves on storage paths, as its proxy lists them. */
const ALLOW = 'HEAD, GET, PUT, POST, DELETE, OPTIONS';

export function swiftCors({ storage }: { storage: Storage }): RequestHandler {
  const cors = crossOrigin({
    async bucketOfUrl(req): Promise<UrlBucket> {
      const target = parseSwiftPath(req.originalUrl.split('?')[0]);
      if (target?.container === undefined) return { kind: 'none' };
      try {
        const account = await storage.accounts.find(target.account);
        return { kind: 'bucket', bucket: await storage.buckets.get(account.id, target.container) };
      } catch (error) {
        if (isGatewayError(error) && (error.code === 'NoSuchAccount' || error.code === 'NoSuchBucket')) return { kind: 'unknown' };
        throw error;
      }
    },
    refusePreflight({ reason }: PreflightRefusal, _req, res: Response): void {
      if (reason !== 'no-origin' && reason !== 'no-bucket') throw new GatewayError('Unauthorized', 'CORS preflight refused.');
      res.status(200).setHeader('Allow', ALLOW);
      res.setHeader('Content-Length', '0');
      res.end();
    },
    setCommonHeaders,
  });
  // Identity (/auth, /v3) and /info are no storage paths.
  return (req, res, next) => (req.path.startsWith('/v1/') ? cors(req, res, next) : next());
}
