// Swift access features across dialects on one gateway: a temp URL (issued by `?temp_url` or made
// as `swift tempurl` makes it) for an object S3 wrote, behind a trusted proxy for IP-restricted
// URLs; a FormPost upload read back with the AWS SDK; a container read ACL opening S3 objects.
import { createHmac } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startTestGateway, TestGateway } from './start-test-gateway';
import { s3ClientFor, SwiftSession, swiftSession } from './swift-session';

const KEY = 'e2e-temp-url-key';

describe('Swift temp URLs, FormPost and container ACLs on the gateway', () => {
  let gw: TestGateway;
  let s3: S3Client;
  let session: SwiftSession;
  let storageUrl: string;
  let v1Path: string;

  beforeAll(async () => {
    gw = await startTestGateway({ trustedProxies: ['127.0.0.1', '::1'] });
    s3 = s3ClientFor(gw);
    session = await swiftSession(gw, 'swift-access-pw');
    storageUrl = session.storageUrl;
    v1Path = new URL(storageUrl).pathname;
    expect((await session.swift('access', { method: 'PUT' })).status).toBe(201);
    await s3.send(new PutObjectCommand({ Bucket: 'access', Key: 'from-s3.txt', Body: 'written by s3', Metadata: { secret: 'x', 'public-tag': 'y' } }));
  });
  afterAll(async () => {
    s3?.destroy();
    await gw?.close();
  });

  it('issues a temp URL for an S3 object and serves it without a token', async () => {
    const expires = Math.floor(Date.now() / 1000) + 120;
    const issued = await fetch(`${storageUrl}/access/from-s3.txt?temp_url&temp_url_expires=${expires}`, { headers: { 'X-Auth-Token': session.token } });
    expect(issued.status).toBe(200);
    const { url } = (await issued.json()) as { url: string };
    const got = await fetch(`${gw.url}${url}&filename=s3.txt`);
    expect(got.status).toBe(200);
    expect(await got.text()).toBe('written by s3');
    expect(got.headers.get('content-disposition')).toBe(`attachment; filename="s3.txt"; filename*=UTF-8''s3.txt`);
    expect(got.headers.get('x-object-meta-secret')).toBeNull();
    expect(got.headers.get('x-object-meta-public-tag')).toBe('y');
  });

  it('checks an IP-restricted temp URL against the client address a trusted proxy reports', async () => {
    expect((await fetch(`${storageUrl}`, { method: 'POST', headers: { 'X-Auth-Token': session.token, 'X-Account-Meta-Temp-URL-Key': KEY } })).status).toBe(204);
    const expires = Math.floor(Date.now() / 1000) + 120;
    const path = `${v1Path}/access/from-s3.txt`;
    const sig = createHmac('sha256', KEY).update(`ip=203.0.113.7\nGET\n${expires}\n${path}`).digest('hex');
    const url = `${gw.url}${path}?temp_url_sig=${sig}&temp_url_expires=${expires}&temp_url_ip_range=203.0.113.7`;
    expect((await fetch(url, { headers: { 'X-Forwarded-For': '203.0.113.7' } })).status).toBe(200);
    expect((await fetch(url, { headers: { 'X-Forwarded-For': '198.51.100.1' } })).status).toBe(403);
    expect((await fetch(url)).status).toBe(403);
  });

  it('stores a FormPost upload that S3 reads back', async () => {
    const expires = String(Math.floor(Date.now() / 1000) + 120);
    const path = `${v1Path}/access/forms/`;
    const signature = createHmac('sha256', KEY).update(`${path}\n\n1000\n1\n${expires}`).digest('hex');
    const form = new FormData();
    for (const [name, value] of Object.entries({ redirect: '', max_file_size: '1000', max_file_count: '1', expires, signature })) form.append(name, value);
    form.append('file', new Blob(['posted by a browser'], { type: 'text/plain' }), 'hello.txt');
    const res = await fetch(`${gw.url}${path}`, { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'access', Key: 'forms/hello.txt' }));
    expect(await got.Body!.transformToString()).toBe('posted by a browser');
    expect(got.ContentType).toBe('text/plain');
  });

  it('a container read ACL opens S3-written objects to anonymous Swift callers', async () => {
    expect((await fetch(`${storageUrl}/access/from-s3.txt`)).status).toBe(401);
    expect((await fetch(`${storageUrl}/access`, { method: 'POST', headers: { 'X-Auth-Token': session.token, 'X-Container-Read': '.r:*' } })).status).toBe(204);
    const open = await fetch(`${storageUrl}/access/from-s3.txt`);
    expect(open.status).toBe(200);
    expect(await open.text()).toBe('written by s3');
    expect((await fetch(`${storageUrl}/access`)).status).toBe(401);
  });
});
