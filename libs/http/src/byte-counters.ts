// Counts body bytes as they really pass, for the access log and the metrics. Both hooks are
// installed at most once per request, so several middlewares can ask for the same count.
import type { IncomingMessage, ServerResponse } from 'node:http';

const requestCounts = new WeakMap<IncomingMessage, () => number>();
const responseCounts = new WeakMap<ServerResponse, () => number>();

/**
 * Body bytes the application consumed. Counting happens on 'data' emissions, which every way of
 * reading a stream (pipe, read(), async iteration) goes through; adding a 'data' listener
 * instead would switch the request into flowing mode and lose bytes nobody was reading yet.
 */
export function countRequestBytes(req: IncomingMessage): () => number {
  let count = requestCounts.get(req);
  if (!count) {
    let bytes = 0;
    const emit = req.emit;
    req.emit = function (this: IncomingMessage, event: string | symbol, ...args: unknown[]) {
      if (event === 'data') bytes += chunkLength(args[0]);
      return emit.call(this, event, ...args);
    } as typeof req.emit;
    count = () => bytes;
    requestCounts.set(req, count);
  }
  return count;
}

/** Body bytes handed to the response (headers not included); none for HEAD, 204 and 304. */
export function countResponseBytes(res: ServerResponse): () => number {
  let count = responseCounts.get(res);
  if (!count) {
    let bytes = 0;
    const add = (chunk: unknown, encoding: unknown) => {
      if (res.req?.method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304) return;
      bytes += chunkLength(chunk, encoding);
    };
    const write = res.write;
    const end = res.end;
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      add(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof res.write;
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      if (typeof chunk !== 'function') add(chunk, rest[0]);
      return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    } as typeof res.end;
    count = () => bytes;
    responseCounts.set(res, count);
  }
  return count;
}

function chunkLength(chunk: unknown, encoding?: unknown): number {
  if (typeof chunk === 'string') return Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  if (chunk instanceof Uint8Array) return chunk.byteLength;
  return 0;
}
