// Virtual-host-style addressing under S3_DOMAIN: `Host: {bucket}.{domain}[:port]` names the bucket
// and the path is the key, for SigV4, SigV2, POST Object and STS alike; the bare domain, IPs and
// other hosts stay path style, and so does `/{accountId}:{bucket}`.
import request from 'supertest';
import { signPostPolicy, signRequestHeaders, signRequestV2, TOKEN_KINDS } from '@gw/auth';
import { createBucket, md5Base64, parseXmlDocument, putObject, s3Error, send, sha256Hex, startS3Harness, S3Harness, textOf, WireResponse } from './s3-harness';

const DOMAIN = 's3.gateway.test';

describe('S3 wire: virtual-host-style addressing', () => {
  let h: S3Harness;
  let port: string;

  beforeAll(async () => {
    h = await startS3Harness({ domain: DOMAIN });
    port = h.host.split(':')[1];
    await createBucket(h, 'vhost');
    await putObject(h, 'vhost', 'dir/path-style.txt', 'written path style');
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A SigV4 request to `http://{host}{path}`, sent to the harness with that Host header. */
  function sendTo(host: string, method: string, path: string, options: { body?: string; headers?: Record<string, string> } = {}): Promise<WireResponse> {
    const headers = { host, 'x-amz-content-sha256': sha256Hex(options.body ?? ''), ...options.headers };
    const signed = signRequestHeaders({ method, url: `http://${host}${path}`, headers, accessKeyId: h.creds.accessKey, secretKey: h.creds.secretKey, region: h.region, service: 's3', now: new Date() });
    return send(h, method, path, { rawHeaders: { ...headers, ...signed }, body: options.body });
  }

  const bucketHost = (bucket: string) => `${bucket}.${DOMAIN}:${port}`;

  it('reads and writes objects with the bucket in the Host and the key in the path', async () => {
    const read = await sendTo(bucketHost('vhost'), 'GET', '/dir/path-style.txt');
    expect([read.status, read.text]).toEqual([200, 'written path style']);
    const put = await sendTo(bucketHost('vhost'), 'PUT', '/dir/vhost%20style.txt', { body: 'written virtual-host style' });
    expect(put.status).toBe(200);
    expect((await send(h, 'GET', '/vhost/dir/vhost%20style.txt')).text).toBe('written virtual-host style');
    // The Host is case-insensitive and may end with the root dot; a key may look like a bucket.
    const upper = await sendTo(`VHOST.${DOMAIN.toUpperCase()}:${port}`, 'GET', '/dir/path-style.txt');
    expect(upper.status).toBe(200);
  });

  it('serves bucket operations on `/`: listing, location, and ListBuckets on the bare domain', async () => {
    const list = await sendTo(bucketHost('vhost'), 'GET', '/?prefix=dir%2F');
    expect(list.status).toBe(200);
    const doc = parseXmlDocument(list.text);
    expect([doc.name, textOf(doc, 'Name')]).toEqual(['ListBucketResult', 'vhost']);
    expect((await sendTo(bucketHost('vhost'), 'GET', '/?location')).text).toContain('LocationConstraint');
    const buckets = await sendTo(`${DOMAIN}:${port}`, 'GET', '/');
    expect(parseXmlDocument(buckets.text).name).toBe('ListAllMyBucketsResult');
    const missing = await sendTo(bucketHost('no-such-bucket'), 'GET', '/');
    expect([missing.status, s3Error(missing).code]).toEqual([404, 'NoSuchBucket']);
  });

  it('creates and deletes a bucket named by the Host', async () => {
    expect((await sendTo(bucketHost('made-by-host'), 'PUT', '/')).status).toBe(200);
    expect((await send(h, 'HEAD', '/made-by-host')).status).toBe(200);
    expect((await sendTo(bucketHost('made-by-host'), 'DELETE', '/')).status).toBe(204);
  });

  it('keeps path style for IP hosts, other hosts, and /{accountId}:{bucket}', async () => {
    expect((await sendTo(`127.0.0.1:${port}`, 'GET', '/vhost/dir/path-style.txt')).text).toBe('written path style');
    expect((await sendTo(`vhost.elsewhere.test:${port}`, 'GET', '/vhost/dir/path-style.txt')).text).toBe('written path style');
    // On a bucket host, `/{accountId}:{bucket}/key` is just a key of that bucket.
    const res = await sendTo(bucketHost('vhost'), 'GET', `/${h.accountId}:vhost/dir/path-style.txt`);
    expect([res.status, s3Error(res).code]).toEqual([404, 'NoSuchKey']);
  });

  it('signs SigV2 with the Host bucket as a path prefix', async () => {
    const host = bucketHost('vhost');
    const headers = { host };
    const added = signRequestV2({ method: 'GET', url: `http://${host}/dir/path-style.txt`, headers, accessKeyId: h.creds.accessKey, secretKey: h.creds.secretKey, now: new Date(), hostBucket: 'vhost' });
    const res = await send(h, 'GET', '/dir/path-style.txt', { rawHeaders: { ...headers, ...added } });
    expect([res.status, res.text]).toEqual([200, 'written path style']);
    const unprefixed = signRequestV2({ method: 'GET', url: `http://${host}/dir/path-style.txt`, headers, accessKeyId: h.creds.accessKey, secretKey: h.creds.secretKey, now: new Date() });
    expect(s3Error(await send(h, 'GET', '/dir/path-style.txt', { rawHeaders: { ...headers, ...unprefixed } })).code).toBe('SignatureDoesNotMatch');
  });

  it('takes POST Object on `/` of the bucket host, and its Location is virtual-host style', async () => {
    const boundary = 'vhost-boundary';
    const fields = {
      key: 'form.txt',
      ...signPostPolicy({ policy: { expiration: new Date(Date.now() + 60_000).toISOString(), conditions: [{ bucket: 'vhost' }, { key: 'form.txt' }] }, accessKeyId: h.creds.accessKey, secretKey: h.creds.secretKey, region: h.region, now: new Date() }),
    };
    const body = Buffer.from(
      Object.entries(fields).map(([n, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`).join('') +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f"\r\n\r\nby form\r\n--${boundary}--\r\n`,
    );
    const res = await send(h, 'POST', '/', { rawHeaders: { host: bucketHost('vhost'), 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
    expect(res.status).toBe(204);
    expect(res.headers.location).toBe(`http://${bucketHost('vhost')}/form.txt`);
    expect((await send(h, 'GET', '/vhost/form.txt')).text).toBe('by form');
  });

  it('serves STS on the bare domain', async () => {
    const { token } = await h.tokens.issue({ userId: h.userId, kind: TOKEN_KINDS.authToken, ttlSeconds: 600 });
    const body = new URLSearchParams({ Action: 'AssumeRoleWithWebIdentity', WebIdentityToken: token }).toString();
    // A string body: superagent would re-encode a Buffer sent as a form.
    const res = await request(h.url).post('/').set('Host', `${DOMAIN}:${port}`).set('Content-Type', 'application/x-www-form-urlencoded').send(body);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<AssumeRoleWithWebIdentityResponse');
  });

  it('answers a CORS preflight on a bucket named by the Host (no account: the one bucket of that name)', async () => {
    await createBucket(h, 'vhost-cors');
    const cors = '<CORSConfiguration><CORSRule><AllowedOrigin>https://app.example.com</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>';
    expect((await send(h, 'PUT', '/vhost-cors?cors', { body: cors, headers: { 'Content-MD5': md5Base64(cors) } })).status).toBe(200);
    const asked = { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'GET' };
    const allowed = await send(h, 'OPTIONS', '/k', { rawHeaders: { host: bucketHost('vhost-cors'), ...asked } });
    expect([allowed.status, allowed.headers['access-control-allow-origin']]).toEqual([200, 'https://app.example.com']);
    const refused = await send(h, 'OPTIONS', '/k', { rawHeaders: { host: bucketHost('vhost'), ...asked } });
    expect([refused.status, s3Error(refused).code]).toEqual([403, 'AccessForbidden']);
  });
});
