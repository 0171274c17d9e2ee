// A minimal S3 client on raw node:http (raw-http.ts), signed with the gateway's own SigV4 client
// helpers. Bodies are sent as UNSIGNED-PAYLOAD so the client never hashes them; responses can be
// drained (counting bytes) without being stored. It is one of the ObjectClients the throughput
// measurements take.
import { signRequestHeaders, UNSIGNED_PAYLOAD, uriEncode } from '@gw/auth';
import type http from 'node:http';
import type { ObjectClient } from './object-client';
import { exchange, type RawBody, type RawResponse } from './raw-http';

export type { RawResponse } from './raw-http';
/** An S3 call that answered 300 or more. */
export { HttpStatusError as S3HttpError } from './raw-http';

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

export interface RawRequest {
  method: string;
  bucket: string;
  key?: string;
  /** Query parameters; '' for a sub-resource without a value (`?uploads`). */
  query?: Record<string, string>;
  body?: RawBody;
  agent?: http.Agent | false;
  /** Keep the whole body as text (a listing, a multipart reply); error bodies are kept anyway (first 64 KiB). */
  keepText?: boolean;
}

export class S3RawClient implements ObjectClient {
  readonly protocol = 'S3';

  constructor(private readonly credentials: S3Credentials, private readonly options: S3ClientOptions = {}) {}

  async createBucket(bucket: string): Promise<void> {
    await this.send({ method: 'PUT', bucket, body: Buffer.alloc(0), keepText: true });
  }

  /** PUT with a body; returns the ETag without quotes. */
  async putObject(bucket: string, key: string, body: RawBody, agent?: http.Agent | false): Promise<string> {
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
    return exchange({ method: request.method, url, headers: { ...headers, ...signed }, body: request.body, agent: request.agent, keepText: request.keepText, signal: this.options.signal });
  }
}
