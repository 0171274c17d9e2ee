// Cross-check against the real AWS SDK for JavaScript v3: its S3Client and presigner talk to a
// tiny HTTP server that authenticates every request with parseSigV4/verifySigV4 and reads every
// body through createPayloadVerifier, the way the gateway will.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough, Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { isGatewayError } from '@gw/core';
import { parseSigV4 } from './parse-sigv4';
import { createPayloadVerifier } from './payload-verifier';
import { verifySigV4 } from './verify-sigv4';
import type { SignableRequest } from './types';

const ACCESS_KEY = 'GWTESTACCESSKEY';
const SECRET = 'gw/test+secret/KEY';

interface Seen {
  method: string;
  payloadHash: string;
  presigned: boolean;
  trailers: Record<string, string>;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

class FakeS3 {
  readonly objects = new Map<string, Buffer>();
  readonly seen: Seen[] = [];
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => this.fail(res, error));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const request: SignableRequest = {
      method: req.method ?? 'GET',
      rawPath: q === -1 ? url : url.slice(0, q),
      rawQuery: q === -1 ? '' : url.slice(q + 1),
      headers: req.headers,
      rawHeaders: req.rawHeaders,
    };
    const parsed = parseSigV4(request, new Date(), { service: 's3' });
    if (!parsed) throw new Error('anonymous request');
    const secret = parsed.accessKeyId === ACCESS_KEY ? SECRET : 'unknown';
    const { signingKey, seedSignature } = verifySigV4(request, parsed, secret);
    const verifier = createPayloadVerifier({ parsed, signingKey, seedSignature, headers: req.headers });
    const chunks: Buffer[] = [];
    await pipeline(
      req,
      verifier.body ?? new PassThrough(),
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          chunks.push(chunk);
          callback();
        },
      }),
    );
    const body = Buffer.concat(chunks);
    this.seen.push({ method: request.method, payloadHash: parsed.payloadHash, presigned: parsed.presigned, trailers: verifier.trailers() });

    // Path-style: /bucket/key, the key decoded once.
    const key = decodeURIComponent(request.rawPath.split('/').slice(2).join('/'));
    if (request.method === 'PUT') {
      this.objects.set(key, body);
      res.writeHead(200, { etag: '"etag"' }).end();
    } else if (request.method === 'GET' && key !== '') {
      const object = this.objects.get(key);
      if (!object) res.writeHead(404).end();
      else res.writeHead(200, { 'content-length': object.length }).end(object);
    } else if (request.method === 'GET') {
      const params = new URLSearchParams(request.rawQuery);
      const prefix = params.get('prefix') ?? '';
      const keys = [...this.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
      res.writeHead(200, { 'content-type': 'application/xml' }).end(
        `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">` +
          `<Name>bucket</Name><Prefix>${xml(prefix)}</Prefix><KeyCount>${keys.length}</KeyCount><MaxKeys>1000</MaxKeys>` +
          `<IsTruncated>false</IsTruncated>${keys.map((k) => `<Contents><Key>${xml(k)}</Key><Size>0</Size></Contents>`).join('')}</ListBucketResult>`,
      );
    } else if (request.method === 'DELETE') {
      this.objects.delete(key);
      res.writeHead(204).end();
    } else {
      res.writeHead(405).end();
    }
  }

  private fail(res: ServerResponse, error: unknown): void {
    const code = isGatewayError(error) ? error.code : 'InternalError';
    const status = isGatewayError(error) ? error.status : 500;
    const message = error instanceof Error ? error.message : String(error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/xml', connection: 'close' }).end(
      `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${xml(message)}</Message></Error>`,
    );
  }
}

describe('the AWS SDK for JavaScript v3 against parseSigV4/verifySigV4/createPayloadVerifier', () => {
  const fake = new FakeS3();
  let endpoint = '';
  let s3: S3Client;
  const client = (secretAccessKey: string) =>
    new S3Client({
      region: 'kr-central-2',
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey },
      maxAttempts: 1,
    });

  beforeAll(async () => {
    endpoint = await fake.start();
    s3 = client(SECRET);
  });
  afterAll(async () => {
    s3.destroy();
    await fake.stop();
  });

  const KEYS = ['plain.txt', 'dir/with space/한글 파일.txt', "a+b=c&d!'()*$@,;:?", 'double//slash/../dot/./', '~tilde%percent'];

  it.each(KEYS)('puts and gets %j', async (key) => {
    fake.seen.length = 0;
    await s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: key, Body: `content of ${key}` }));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'bucket', Key: key }));
    expect(await got.Body?.transformToString()).toBe(`content of ${key}`);
    expect(fake.objects.get(key)?.toString()).toBe(`content of ${key}`);
    // A string body is signed with its sha256, which the body verifier recomputed.
    expect(fake.seen.map((s) => s.payloadHash)).toEqual([
      createHash('sha256').update(`content of ${key}`).digest('hex'),
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ]);
  });

  it('streams a multi-chunk body as aws-chunked with a CRC32 trailer', async () => {
    const data = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7) & 0xff));
    const pieces = Array.from({ length: 30 }, (_, i) => data.subarray(i * 10_000, (i + 1) * 10_000));
    fake.seen.length = 0;
    await s3.send(
      new PutObjectCommand({ Bucket: 'bucket', Key: 'streamed.bin', Body: Readable.from(pieces), ContentLength: data.length }),
    );
    expect(fake.objects.get('streamed.bin')?.equals(data)).toBe(true);
    const expected = Buffer.alloc(4);
    expected.writeUInt32BE(crc32(data) >>> 0);
    expect(fake.seen).toEqual([
      {
        method: 'PUT',
        payloadHash: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
        presigned: false,
        trailers: { 'x-amz-checksum-crc32': expected.toString('base64') },
      },
    ]);
  });

  it('lists with a prefix and a delimiter that need encoding', async () => {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'bucket', Prefix: 'dir/with space/', Delimiter: '/' }));
    expect(listed.Contents?.map((c) => c.Key)).toEqual(['dir/with space/한글 파일.txt']);
  });

  it('deletes', async () => {
    await s3.send(new DeleteObjectCommand({ Bucket: 'bucket', Key: 'plain.txt' }));
    expect(fake.objects.has('plain.txt')).toBe(false);
  });

  it('gets SignatureDoesNotMatch with a wrong secret', async () => {
    const wrong = client('not the secret');
    await expect(wrong.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'streamed.bin' }))).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
    });
    wrong.destroy();
  });

  it('accepts presigned GET and PUT URLs', async () => {
    const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'bucket', Key: 'pre signed+.txt' }), { expiresIn: 300 });
    const put = await fetch(putUrl, { method: 'PUT', body: 'uploaded with a presigned URL' });
    expect(put.status).toBe(200);
    const getUrl = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'bucket', Key: 'pre signed+.txt' }), { expiresIn: 300 });
    const got = await fetch(getUrl);
    expect(await got.text()).toBe('uploaded with a presigned URL');
    expect(fake.seen.at(-1)).toMatchObject({ presigned: true, payloadHash: 'UNSIGNED-PAYLOAD' });

    const tampered = await fetch(getUrl.replace('pre%20signed%2B.txt', 'streamed.bin'));
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });
});
