// A minimal S3 client on raw node:http, signed with the gateway's own SigV4 client helpers. Bodies
// are sent as UNSIGNED-PAYLOAD so the client never hashes them; responses can be drained (counting
// bytes) without being stored.
import { signRequestHeaders, UNSIGNED_PAYLOAD, uriEncode } from '@gw/auth';
import http from 'node:http';
import type { Readable } from 'node:stream';

export interface S3Credentials {
  endpoint: string;
  accessKeyId: string;
  secretKey: string;
  region: string;
}

export interface S3ClientOptions {
  /** Aborts every request in flight and refuses new ones (the benchmark was interrupted). */
  signal?: AbortSignal;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Body bytes received. */
  bytes: number;
  /** The body as text: whole when it was asked for, the first 64 KiB of an error. */
  text?: string;
}

export interface RawRequest {
  method: string;
  bucket: string;
  key?: string;
  /** Query parameters; '' for a sub-resource without a value (`?uploads`). */
  query?: Record<string, string>;
  body?: Buffer | { stream: Readable; length: number };
  agent?: http.Agent | false;
  /** Keep the whole body as text (a listing, a multipart reply); error bodies are kept anyway (first 64 KiB). */
  keepText?: boolean;
}

export class S3HttpError extends Error {
  constructor(readonly request: string, readonly response: RawResponse) {
    super(`${request} -> HTTP ${response.status}: ${(response.text ?? '').slice(0, 500)}`);
  }
}

const TEXT_LIMIT = 64 * 1024;

export class S3RawClient {
  constructor(private readonly credentials: S3Credentials, private readonly options: S3ClientOptions = {}) {}

  async createBucket(bucket: string): Promise<void> {
    await this.send({ method: 'PUT', bucket, body: Buffer.alloc(0), keepText: true });
  }

  /** PUT with a body; returns the ETag without quotes. */
  async putObject(bucket: string, key: string, body: RawRequest['body'], agent?: http.Agent | false): Promise<string> {
    const res = await this.send({ method: 'PUT', bucket, key, body, agent });
    return String(res.headers.etag ?? '').replace(/"/g, '');
  }

  /** GET that counts the body's bytes and drops them. */
  async getObject(bucket: string, key: string, agent?: http.Agent | false): Promise<RawResponse> {
    return this.send({ method: 'GET', bucket, key, agent });
  }

  private url(bucket: string, key?: string, query: Record<string, string> = {}): string {
    const path = key === undefined ? `/${uriEncode(bucket, true)}` : `/${uriEncode(bucket, true)}/${uriEncode(key, false)}`;
    const search = Object.entries(query).map(([name, value]) => `${uriEncode(name, true)}=${uriEncode(value, true)}`).join('&');
    return `${this.credentials.endpoint}${path}${search ? `?${search}` : ''}`;
  }

  send(request: RawRequest): Promise<RawResponse> {
    const url = this.url(request.bucket, request.key, request.query);
    const length = request.body?.length;
    const headers: Record<string, string> = {};
    if (length !== undefined) {
      headers['content-length'] = String(length);
      headers['x-amz-content-sha256'] = UNSIGNED_PAYLOAD;
    }
    const signed = signRequestHeaders({
      method: request.method,
      url,
      headers,
      accessKeyId: this.credentials.accessKeyId,
      secretKey: this.credentials.secretKey,
      region: this.credentials.region,
      service: 's3',
      now: new Date(),
    });
    const label = `${request.method} ${new URL(url).pathname}`;

    return new Promise<RawResponse>((resolve, reject) => {
      const source = request.body !== undefined && !Buffer.isBuffer(request.body) ? request.body.stream : undefined;
      const fail = (error: Error) => {
        source?.destroy();
        req.destroy();
        reject(error);
      };
      const req = http.request(url, { method: request.method, headers: { ...headers, ...signed }, agent: request.agent, signal: this.options.signal }, (res) => {
        let bytes = 0;
        const parts: Buffer[] = [];
        let kept = 0;
        const status = res.statusCode ?? 0;
        const keepText = request.keepText || status >= 300;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (keepText && (request.keepText || kept < TEXT_LIMIT)) {
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
            reject(new S3HttpError(label, response));
          } else resolve(response);
        });
      });
      req.once('error', (error) => fail(new Error(`${label}: ${error.message}`)));
      if (source) {
        source.once('error', fail);
        source.pipe(req);
      } else req.end(request.body);
    });
  }
}
