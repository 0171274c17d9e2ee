// CORS for /v1_ext (KakaoCloud "CORS preflight request": `/v1_ext/bucket/:name` and below, e.g.
// `/v1_ext/bucket/:name/policy/:id`; also `/v1_ext/:name`, the spec's other spelling of the
// detail call), on the shared `crossOrigin` middleware. What is this dialect's own:
// - the URL names a bucket but no account (/v1_ext works in the account of the caller's token,
//   and a preflight carries no token): the bucket is the one of that name across accounts, and a
//   name no account or several accounts have gets no CORS answer to a preflight; an actual
//   request gets the headers of the bucket the lifecycle loaded in the caller's project;
// - refusals in the dialect's JSON: 400 BadRequest without Origin or a usable method, 403
//   AccessForbidden for everything else (no bucket in the path, unknown bucket, no rules, no match).
import type { RequestHandler } from 'express';
import { GatewayError, Storage } from '@gw/core';
import { crossOrigin, PreflightRefusal, UrlBucket } from '@gw/http';
import { loadedBucketOf } from '../routing/loaded-bucket';

export function v1extCors({ storage }: { storage: Pick<Storage, 'buckets'> }): RequestHandler {
  return crossOrigin({
    async bucketOfUrl(req): Promise<UrlBucket> {
      const name = bucketNameOf(req.path);
      if (name === undefined) return { kind: 'none' };
      const bucket = await storage.buckets.findUnique(name);
      return bucket ? { kind: 'bucket', bucket } : { kind: 'unknown' };
    },
    loadedBucket: loadedBucketOf,
    refusePreflight(refusal: PreflightRefusal): never {
      throw v1extRefusal(refusal);
    },
  });
}

/** The bucket name of `/v1_ext/bucket/{name}[/...]` or `/v1_ext/{name}`; undefined for other paths. */
export function bucketNameOf(path: string): string | undefined {
  const nested = /^\/v1_ext\/bucket\/([^/]+)(?:\/.*)?$/s.exec(path)?.[1];
  const alias = /^\/v1_ext\/([^/]+)\/?$/.exec(path)?.[1];
  const raw = nested ?? (alias !== 'bucket' ? alias : undefined);
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

function v1extRefusal({ reason, method }: PreflightRefusal): GatewayError {
  if (reason === 'no-origin') return new GatewayError('BadRequest', 'Insufficient information. Origin request header needed.');
  if (reason === 'bad-method') return new GatewayError('BadRequest', `Invalid Access-Control-Request-Method: ${method ?? 'null'}`);
  if (reason === 'no-match') return new GatewayError('AccessForbidden');
  return new GatewayError('AccessForbidden', 'CORSResponse: CORS is not enabled for this bucket.');
}
