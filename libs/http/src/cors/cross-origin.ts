// CORS as one middleware for every dialect (KakaoCloud "Bucket CORS policy"; S3 "Using
// cross-origin resource sharing"; Swift's proxy CORS):
// - a preflight `OPTIONS` is answered here from the rules of the bucket the URL names (it
//   carries no credentials, so only the URL can say whose bucket it is): 200 with the matching
//   rule's Access-Control-* headers, or the dialect's refusal;
// - every other request with an Origin gets, on whatever answer the handlers give (success,
//   error, streamed body), `Vary: Origin` and the Access-Control-* headers of the rule matching
//   its Origin and method, when its bucket has CORS rules. Without rules, none: browsers then
//   refuse the cross-origin request (the default policy).
// A dialect supplies only what is its own: which bucket a path names, the bucket its request
// lifecycle loaded, and how a refused preflight is rendered.
//
// API: crossOrigin(dialect: CorsDialect) -> express middleware, placed before the dialect's
// routes (after health/metrics).
import type { Request, RequestHandler, Response } from 'express';
import { BucketRecord, corsOf } from '@gw/core';
import { beforeHeaders } from './before-headers';
import { addVary, writeCorsHeaders } from './cors-headers';
import { decidePreflight, isRefusal, PreflightRefusal, readPreflight, singleHeader } from './preflight';

/** The bucket a URL names, found without credentials. */
export type UrlBucket =
  /** The path names no bucket (the S3 service, a Swift account, a path outside storage). */
  | { kind: 'none' }
  /** It names one that does not exist, or that its name alone cannot tell apart. */
  | { kind: 'unknown' }
  | { kind: 'bucket'; bucket: BucketRecord };

export interface CorsDialect {
  /** See `UrlBucket`. May throw the dialect's error for a path it cannot use (then a preflight is answered with it). */
  bucketOfUrl(req: Request, res: Response): Promise<UrlBucket>;
  /** The bucket the request lifecycle loaded (it knows the caller's account), once it got that far. */
  loadedBucket?(res: Response): BucketRecord | undefined;
  /** Answers a preflight that gets no CORS answer, or throws the dialect's error for it. */
  refusePreflight(refusal: PreflightRefusal, req: Request, res: Response): void;
  /** Headers every answer of the dialect carries (request ids), preflight answers included. */
  setCommonHeaders?(res: Response): void;
}

export function crossOrigin(dialect: CorsDialect): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'OPTIONS') answerPreflight(dialect, req, res).catch(next);
    else prepareActualRequest(dialect, req, res).then(() => next(), next);
  };
}

async function answerPreflight(dialect: CorsDialect, req: Request, res: Response): Promise<void> {
  dialect.setCommonHeaders?.(res);
  const asked = readPreflight(req.headers);
  if (isRefusal(asked)) return dialect.refusePreflight(asked, req, res);
  const found = await dialect.bucketOfUrl(req, res);
  if (found.kind !== 'bucket') return dialect.refusePreflight({ reason: found.kind === 'none' ? 'no-bucket' : 'unknown-bucket', method: asked.method }, req, res);
  const answer = decidePreflight(corsOf(found.bucket), asked);
  if (isRefusal(answer)) return dialect.refusePreflight(answer, req, res);

  writeCorsHeaders(res, answer, true);
  addVary(res, 'Origin', 'Access-Control-Request-Headers', 'Access-Control-Request-Method');
  res.status(200).setHeader('Content-Length', '0');
  res.end();
}

/**
 * Finds the bucket from the URL before the lifecycle runs, for a request with an Origin only:
 * a request refused before its bucket is loaded (bad token, bad signature) must carry the
 * headers too, or the page cannot read the error. A failed lookup only means no headers.
 */
async function prepareActualRequest(dialect: CorsDialect, req: Request, res: Response): Promise<void> {
  const origin = singleHeader(req.headers, 'origin');
  const fromUrl = origin ? await dialect.bucketOfUrl(req, res).catch((): UrlBucket => ({ kind: 'unknown' })) : undefined;
  beforeHeaders(res, () => {
    const bucket = dialect.loadedBucket?.(res) ?? (fromUrl?.kind === 'bucket' ? fromUrl.bucket : undefined);
    const cors = bucket && corsOf(bucket);
    if (!cors) return;
    // Caches must keep answers to different origins apart, matched or not.
    addVary(res, 'Origin');
    const match = origin ? decidePreflight(cors, { origin, method: req.method }) : undefined;
    if (match && !isRefusal(match)) writeCorsHeaders(res, match, false);
  });
}
