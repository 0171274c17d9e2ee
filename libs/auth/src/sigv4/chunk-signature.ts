import { CHUNK_ALGORITHM, EMPTY_SHA256, TRAILER_ALGORITHM } from './constants';
import { sha256Hex } from './canonical-request';
import { signature } from './signing-key';

/** What every chunk and trailer signature of one aws-chunked body is bound to. */
export interface ChunkSigningContext {
  signingKey: Buffer;
  /** The request's X-Amz-Date. */
  amzDate: string;
  /** `YYYYMMDD/region/service/aws4_request` */
  scope: string;
}

/**
 * Signature of one chunk (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html):
 * HMAC(key, "AWS4-HMAC-SHA256-PAYLOAD\n" + date + "\n" + scope + "\n" + previous signature + "\n"
 * + sha256("") + "\n" + sha256(chunk data)), chained from the seed (request) signature.
 */
export function chunkSignature(ctx: ChunkSigningContext, previousSignature: string, chunkSha256Hex: string): string {
  const toSign = [CHUNK_ALGORITHM, ctx.amzDate, ctx.scope, previousSignature, EMPTY_SHA256, chunkSha256Hex].join('\n');
  return signature(ctx.signingKey, toSign);
}

/**
 * Trailers as signed: `name:value\n` per trailer, names lowercase and sorted, values trimmed
 * (the canonical-headers rule; with the usual single checksum trailer it is simply that line + '\n').
 */
export function canonicalTrailers(trailers: Record<string, string>): string {
  return Object.keys(trailers)
    .map((name) => [name.toLowerCase(), trailers[name].trim()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}:${value}\n`)
    .join('');
}

/**
 * x-amz-trailer-signature (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html):
 * HMAC(key, "AWS4-HMAC-SHA256-TRAILER\n" + date + "\n" + scope + "\n" + signature of the final
 * (empty) chunk + "\n" + sha256(canonical trailers)).
 */
export function trailerSignature(ctx: ChunkSigningContext, previousSignature: string, trailers: Record<string, string>): string {
  const toSign = [TRAILER_ALGORITHM, ctx.amzDate, ctx.scope, previousSignature, sha256Hex(canonicalTrailers(trailers))].join('\n');
  return signature(ctx.signingKey, toSign);
}
