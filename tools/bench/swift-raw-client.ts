// A minimal Swift client on raw node:http (raw-http.ts): logs in once with v1 auth (GET
// /auth/v1.0 with X-Auth-User `account:user` and X-Auth-Key), then sends the X-Auth-Token to the
// X-Storage-Url it was given. One of the ObjectClients the throughput measurements take.
import type http from 'node:http';
import type { ObjectClient } from './object-client';
import { exchange, type RawBody, type RawResponse } from './raw-http';

export interface SwiftLogin {
  endpoint: string;
  /** `account:user` */
  user: string;
  key: string;
  signal?: AbortSignal;
}

/** Swift object names keep their slashes; every segment is percent-encoded. */
const encodePath = (name: string): string => name.split('/').map(encodeURIComponent).join('/');

export class SwiftRawClient implements ObjectClient {
  readonly protocol = 'Swift';

  private constructor(private readonly storageUrl: string, private readonly token: string, private readonly signal?: AbortSignal) {}

  static async login(login: SwiftLogin): Promise<SwiftRawClient> {
    const res = await exchange({ method: 'GET', url: `${login.endpoint}/auth/v1.0`, headers: { 'x-auth-user': login.user, 'x-auth-key': login.key }, signal: login.signal });
    const storageUrl = res.headers['x-storage-url'];
    const token = res.headers['x-auth-token'];
    if (typeof storageUrl !== 'string' || typeof token !== 'string') throw new Error('Swift v1 auth answered no X-Storage-Url or X-Auth-Token');
    return new SwiftRawClient(storageUrl, token, login.signal);
  }

  async createContainer(container: string): Promise<void> {
    await this.send('PUT', container, undefined, Buffer.alloc(0));
  }

  async putObject(container: string, key: string, body: RawBody, agent?: http.Agent | false): Promise<string> {
    const res = await this.send('PUT', container, key, body, agent);
    return String(res.headers.etag ?? '').replace(/"/g, '');
  }

  getObject(container: string, key: string, agent?: http.Agent | false): Promise<RawResponse> {
    return this.send('GET', container, key, undefined, agent);
  }

  private send(method: string, container: string, key: string | undefined, body?: RawBody, agent?: http.Agent | false): Promise<RawResponse> {
    const url = `${this.storageUrl}/${encodeURIComponent(container)}${key === undefined ? '' : `/${encodePath(key)}`}`;
    const headers: Record<string, string> = { 'x-auth-token': this.token };
    if (body !== undefined) headers['content-length'] = String(body.length);
    return exchange({ method, url, headers, body, agent, signal: this.signal });
  }
}
