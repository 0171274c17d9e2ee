// One HTTP exchange on raw node:http for the benchmark clients (S3 and Swift): sends a Buffer or
// a streamed body, counts the response's bytes without storing them (unless asked to keep the
// text), and rejects on a status of 300 or more with the start of the error body.
import http from 'node:http';
import type { Readable } from 'node:stream';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Body bytes received. */
  bytes: number;
  /** The body as text: whole when it was asked for, the first 64 KiB of an error. */
  text?: string;
}

export type RawBody = Buffer | { stream: Readable; length: number };

export interface RawExchange {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: RawBody;
  agent?: http.Agent | false;
  /** Keep the whole body as text; error bodies are kept anyway (first 64 KiB). */
  keepText?: boolean;
  signal?: AbortSignal;
}

export class HttpStatusError extends Error {
  constructor(readonly request: string, readonly response: RawResponse) {
    super(`${request} -> HTTP ${response.status}: ${(response.text ?? '').slice(0, 500)}`);
  }
}

const TEXT_LIMIT = 64 * 1024;

export function exchange(x: RawExchange): Promise<RawResponse> {
  const label = `${x.method} ${new URL(x.url).pathname}`;
  return new Promise<RawResponse>((resolve, reject) => {
    const source = x.body !== undefined && !Buffer.isBuffer(x.body) ? x.body.stream : undefined;
    const fail = (error: Error) => {
      source?.destroy();
      req.destroy();
      reject(error);
    };
    const req = http.request(x.url, { method: x.method, headers: x.headers, agent: x.agent, signal: x.signal }, (res) => {
      let bytes = 0;
      const parts: Buffer[] = [];
      let kept = 0;
      const status = res.statusCode ?? 0;
      const keepText = x.keepText || status >= 300;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (keepText && (x.keepText || kept < TEXT_LIMIT)) {
          parts.push(chunk);
          kept += chunk.length;
        }
      });
      res.once('error', fail);
      res.once('end', () => {
        const response: RawResponse = { status, headers: res.headers, bytes };
        if (keepText) response.text = Buffer.concat(parts).toString('utf8');
        if (status >= 300) {
          source?.destroy();
          reject(new HttpStatusError(label, response));
        } else resolve(response);
      });
    });
    req.once('error', (error) => fail(new Error(`${label}: ${error.message}`)));
    if (source) {
      source.once('error', fail);
      source.pipe(req);
    } else req.end(x.body);
  });
}
