// Test helpers: build aws-chunked bodies the way SDKs do, and push bytes through a Transform in
// pieces of any size (TCP may split a body anywhere).
import { createHash } from 'node:crypto';
import { Readable, Writable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { chunkSignature, trailerSignature, type ChunkSigningContext } from '../chunk-signature';

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** `size;chunk-signature=...` framing with signatures chained from `seed`; the final empty chunk included. */
export function signedChunkedBody(
  ctx: ChunkSigningContext,
  seed: string,
  chunks: Buffer[],
  trailers?: Record<string, string>,
): { body: Buffer; signatures: string[] } {
  const parts: Buffer[] = [];
  const signatures: string[] = [];
  let previous = seed;
  for (const chunk of [...chunks, Buffer.alloc(0)]) {
    previous = chunkSignature(ctx, previous, sha256(chunk));
    signatures.push(previous);
    parts.push(Buffer.from(`${chunk.length.toString(16)};chunk-signature=${previous}\r\n`));
    if (chunk.length > 0) parts.push(chunk, Buffer.from('\r\n'));
  }
  if (trailers) {
    for (const [name, value] of Object.entries(trailers)) parts.push(Buffer.from(`${name}:${value}\r\n`));
    const sig = trailerSignature(ctx, previous, trailers);
    signatures.push(sig);
    parts.push(Buffer.from(`x-amz-trailer-signature:${sig}\r\n`));
  }
  parts.push(Buffer.from('\r\n'));
  return { body: Buffer.concat(parts), signatures };
}

/** `size\r\n` framing of STREAMING-UNSIGNED-PAYLOAD-TRAILER, as the AWS SDKs write it. */
export function unsignedChunkedBody(chunks: Buffer[], trailers: Record<string, string> = {}): Buffer {
  const parts: Buffer[] = [];
  for (const chunk of chunks) parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'));
  parts.push(Buffer.from('0\r\n'));
  for (const [name, value] of Object.entries(trailers)) parts.push(Buffer.from(`${name}:${value}\r\n`));
  parts.push(Buffer.from('\r\n'));
  return Buffer.concat(parts);
}

/** Feeds `body` to `transform` in pieces of `pieceSize` bytes; resolves with what came out, rejects with its error. */
export async function runThrough(transform: Transform, body: Buffer, pieceSize = body.length || 1): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (let i = 0; i < body.length; i += pieceSize) pieces.push(body.subarray(i, i + pieceSize));
  const out: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      out.push(chunk);
      callback();
    },
  });
  await pipeline(Readable.from(pieces, { objectMode: false }), transform, sink);
  return Buffer.concat(out);
}
