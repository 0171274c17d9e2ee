// Shared setup of the S3 integration tests: the app from `createS3App` on its own database and
// blob dir (one per test file: PGlite is expensive), a real loopback server so signatures can be
// computed over the Host header the client really sends, and small helpers to sign requests,
// read XML and inspect the blob directory.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { deriveSigningKey, formatAmzDate, IdentityService, signRequestHeaders, TokenService } from '@gw/auth';
import { openTestWorld } from '@gw/auth/testing';
import type { Storage } from '@gw/core';
import { createLogger } from '@gw/http';
import { listenOnLoopback } from '@gw/http/testing';
import type { Database } from '@gw/metadata';
import { createS3App } from '../src/app';

export const md5Hex = (data: Buffer | string): string => createHash('md5').update(data).digest('hex');
export const md5Base64 = (data: Buffer | string): string => createHash('md5').update(data).digest('base64');
export const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

export interface Credentials {
  accessKey: string;
  secretKey: string;
}

export interface S3Harness {
  /** `http://127.0.0.1:port` */
  url: string;
  /** `127.0.0.1:port`, the Host header every request carries. */
  host: string;
  region: string;
  accountId: string;
  userId: string;
  /** The admin user's S3 credential. */
  creds: Credentials;
  storage: Storage;
  identity: IdentityService;
  tokens: TokenService;
  db: Database;
  blobDir: string;
  close(): Promise<void>;
}

/** `domain`: S3_DOMAIN, for virtual-host-style requests (`Host: {bucket}.{domain}:port`). */
export async function startS3Harness(options: { domain?: string } = {}): Promise<S3Harness> {
  const world = await openTestWorld({ accountName: 'wire' });
  const app = createS3App({ ...world, domain: options.domain, logger: createLogger({ level: 'silent', name: 's3-wire' }) });
  const server = await listenOnLoopback(app);
  return {
    url: server.url,
    host: server.host,
    region: world.region,
    accountId: world.accountId,
    userId: world.userId,
    creds: { accessKey: world.accessKey, secretKey: world.secretKey },
    storage: world.storage,
    identity: world.identity,
    tokens: world.tokens,
    db: world.t.db,
    blobDir: world.blobDir,
    async close() {
      await server.close();
      await world.close();
    },
  };
}

/** A new user of `accountId` (default: the harness account) with the given role and an S3 credential. */
export async function addUser(h: S3Harness, role: 'admin' | 'member' | 'reader', name: string, accountId = h.accountId): Promise<Credentials & { userId: string }> {
  const user = await h.identity.createUser({ accountId, name, role });
  const { credential, secretKey } = await h.identity.createCredential({ userId: user.id });
  return { accessKey: credential.accessKey, secretKey, userId: user.id };
}

export interface SignOptions {
  headers?: Record<string, string>;
  /** The body the payload hash is computed over (when payloadHash is not given). */
  body?: Buffer | string;
  /** x-amz-content-sha256; defaults to the sha256 of `body`. */
  payloadHash?: string;
  now?: Date;
  creds?: Credentials;
}

/** Headers of a header-signed (SigV4) request: the given ones plus x-amz-date, x-amz-content-sha256 and Authorization. */
export function sign(h: S3Harness, method: string, path: string, options: SignOptions = {}): Record<string, string> {
  const creds = options.creds ?? h.creds;
  const headers: Record<string, string> = { ...options.headers };
  headers['x-amz-content-sha256'] ??= options.payloadHash ?? sha256Hex(options.body ?? '');
  const signed = signRequestHeaders({
    method,
    url: h.url + path,
    headers,
    accessKeyId: creds.accessKey,
    secretKey: creds.secretKey,
    region: h.region,
    service: 's3',
    now: options.now ?? new Date(),
  });
  return { ...headers, ...signed };
}

/** The request signature (hex) of an Authorization header. */
export const signatureOf = (authorization: string): string => /Signature=([0-9a-f]{64})/.exec(authorization)![1];

/** What aws-chunked chunk signatures of a request signed at `now` chain from, besides the seed. */
export function chunkContext(h: S3Harness, now: Date, creds: Credentials = h.creds) {
  const amzDate = formatAmzDate(now);
  const date = amzDate.slice(0, 8);
  return {
    signingKey: deriveSigningKey(creds.secretKey, date, h.region, 's3'),
    amzDate,
    scope: `${date}/${h.region}/s3/aws4_request`,
  };
}

export interface WireResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

export interface SendOptions extends SignOptions {
  /** Send without any authentication. */
  anonymous?: boolean;
  /** Send exactly these headers (already signed, or deliberately broken); no signing. */
  rawHeaders?: Record<string, string>;
}

/** Sends a request through supertest, signed unless told otherwise; never throws on an error status. */
export async function send(h: S3Harness, method: string, path: string, options: SendOptions = {}): Promise<WireResponse> {
  const headers = options.rawHeaders ?? (options.anonymous ? { ...options.headers } : sign(h, method, path, options));
  const agent = request(h.url) as unknown as Record<string, (path: string) => request.Test>;
  let test = agent[method.toLowerCase()](path)
    .ok(() => true)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
  for (const [name, value] of Object.entries(headers)) test = test.set(name, value);
  if (options.body !== undefined) test = test.send(Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body));
  const res = await test;
  const body: Buffer = Buffer.isBuffer(res.body) ? res.body : Buffer.alloc(0);
  return { status: res.status, headers: res.headers as WireResponse['headers'], body, text: body.toString('utf8') };
}

/** Creates a bucket through the API (so it has its owner), asserting success. */
export async function createBucket(h: S3Harness, name: string): Promise<void> {
  const res = await send(h, 'PUT', `/${name}`);
  if (res.status !== 200) throw new Error(`CreateBucket ${name}: ${res.status} ${res.text}`);
}

/** PutObject through the API, asserting success; returns the response. */
export async function putObject(h: S3Harness, bucket: string, key: string, body: Buffer | string, headers: Record<string, string> = {}): Promise<WireResponse> {
  const res = await send(h, 'PUT', `/${bucket}/${encodeKey(key)}`, { body, headers });
  if (res.status !== 200) throw new Error(`PutObject ${bucket}/${key}: ${res.status} ${res.text}`);
  return res;
}

/** A key as it goes in a path: each segment URI-encoded, slashes kept. */
export const encodeKey = (key: string): string => key.split('/').map(encodeURIComponent).join('/');

// ---------------------------------------------------------------------------------------------
// A minimal XML reader, enough for S3's compact documents, that keeps element order (which the
// tests check) and reports anything unexpected instead of guessing.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });

export function parseXmlDocument(xml: string): XmlElement {
  let pos = 0;
  const declaration = /^<\?xml[^?]*\?>/.exec(xml);
  if (declaration) pos = declaration[0].length;
  const element = (): XmlElement => {
    const open = /^<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+="[^"]*")*)\s*(\/?)>/.exec(xml.slice(pos));
    if (!open) throw new Error(`XML: expected an element at ${pos}: ${xml.slice(pos, pos + 40)}`);
    pos += open[0].length;
    const attributes: Record<string, string> = {};
    for (const [, name, value] of open[2].matchAll(/([\w.:-]+)="([^"]*)"/g)) attributes[name] = decodeEntities(value);
    const node: XmlElement = { name: open[1], attributes, children: [], text: '' };
    if (open[3] === '/') return node;
    for (;;) {
      if (xml.startsWith(`</${node.name}>`, pos)) {
        pos += node.name.length + 3;
        return node;
      }
      if (xml[pos] === '<') node.children.push(element());
      else {
        const end = xml.indexOf('<', pos);
        if (end < 0) throw new Error(`XML: unterminated <${node.name}>`);
        node.text += decodeEntities(xml.slice(pos, end));
        pos = end;
      }
    }
  };
  const root = element();
  if (xml.slice(pos).trim() !== '') throw new Error(`XML: trailing content ${xml.slice(pos, pos + 40)}`);
  return root;
}

/** Names of the direct children, in document order. */
export const childNames = (element: XmlElement): string[] => element.children.map((c) => c.name);
/** The text of the one child named `name` (undefined when absent; an error when repeated). */
export function textOf(element: XmlElement, name: string): string | undefined {
  const found = element.children.filter((c) => c.name === name);
  if (found.length > 1) throw new Error(`<${element.name}> has ${found.length} <${name}>`);
  return found[0]?.text;
}
export const all = (element: XmlElement, name: string): XmlElement[] => element.children.filter((c) => c.name === name);

/** The S3 error document of a response, checked for the shape every S3 error has. */
export function s3Error(res: WireResponse): { code: string; message: string; resource: string; requestId: string; fields: Record<string, string>; names: string[] } {
  expect(res.headers['content-type']).toBe('application/xml');
  expect(res.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const doc = parseXmlDocument(res.text);
  expect(doc.name).toBe('Error');
  const names = childNames(doc);
  expect(names.slice(0, 2)).toEqual(['Code', 'Message']);
  expect(names.slice(-2)).toEqual(['Resource', 'RequestId']);
  expect(new Set(names).size).toBe(names.length);
  const fields = Object.fromEntries(doc.children.map((c) => [c.name, c.text]));
  expect(fields.RequestId).toMatch(/^[0-9A-F]{16}$/);
  expect(res.headers['x-amz-request-id']).toBe(fields.RequestId);
  expect(Number(res.headers['content-length'])).toBe(res.body.length);
  return { code: fields.Code, message: fields.Message, resource: fields.Resource, requestId: fields.RequestId, fields, names };
}

// ---------------------------------------------------------------------------------------------
// The blob directory: what is durable (data/) and what is in flight (tmp/).

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out.sort();
}

export const blobFiles = (h: S3Harness): string[] => filesUnder(join(h.blobDir, 'data'));
export const tempFiles = (h: S3Harness): string[] => filesUnder(join(h.blobDir, 'tmp'));

/** Object rows (any version) of `key` in `bucket` of the harness account. */
export async function objectRows(h: S3Harness, bucket: string, key: string): Promise<number> {
  const rows = await h.db
    .knex('objects')
    .join('buckets', 'buckets.id', 'objects.bucket_id')
    .where({ 'buckets.account_id': h.accountId, 'buckets.name': bucket, 'objects.key': key })
    .count<{ count: string | number }[]>('* as count');
  return Number(rows[0].count);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true or `timeoutMs` passes; returns the last result. */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 3000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await sleep(25);
  }
}

/**
 * Writes `head` (request line and headers, CRLF-terminated, `Connection: close` recommended) and
 * `body` on a raw TCP connection and returns every byte the server sent until it closed: what
 * a HEAD or 304 answer really puts on the wire.
 */
export function rawExchange(h: S3Harness, head: string, body: Buffer = Buffer.alloc(0)): Promise<Buffer> {
  if (!/\r\nConnection: close\r\n/i.test(head)) throw new Error('rawExchange needs `Connection: close`: the server ends the exchange');
  const [host, port] = h.host.split(':');
  return new Promise((resolve, reject) => {
    // No half-close: a server may drop a connection whose client ended before it answered.
    const socket = net.connect(Number(port), host, () => {
      socket.write(head);
      socket.write(body);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks)));
  });
}

/** The request head of `rawExchange` from a method, path and headers. */
export const requestHead = (method: string, path: string, headers: Record<string, string>): string =>
  `${method} ${path} HTTP/1.1\r\n` + Object.entries(headers).map(([n, v]) => `${n}: ${v}\r\n`).join('') + '\r\n';
