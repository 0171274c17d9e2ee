// /v1_ext end to end on the one-port gateway: public access set through POST /v1_ext/bucket/{name}
// is enforced for anonymous S3 (`/{accountId}:{bucket}/key`) and Swift (`/v1/{account}/...`)
// reads, with its IP allow list matched against the socket address, or X-Forwarded-For only
// from TRUSTED_PROXIES; a lifecycle set through /v1_ext is what @aws-sdk/client-s3 reads back;
// CORS rules and container metadata are shared with S3 and Swift.
import { CreateBucketCommand, GetBucketCorsCommand, GetBucketLifecycleConfigurationCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createLogger } from '@gw/http';
import { listenOnLoopback } from '@gw/http/testing';
import { createGatewayApp } from '../src/gateway-app';
import { startTestGateway, TestGateway } from './start-test-gateway';

describe('/v1_ext public access, lifecycle and CORS across dialects', () => {
  let gw: TestGateway;
  let s3: S3Client;
  let token: string;
  /** The same stores behind a gateway that trusts no proxy. */
  let untrusted: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    // The test client connects from 127.0.0.1: this gateway believes its X-Forwarded-For.
    gw = await startTestGateway({ trustedProxies: ['127.0.0.1'] });
    s3 = new S3Client({ endpoint: gw.url, region: gw.region, forcePathStyle: true, credentials: { accessKeyId: gw.accessKey, secretAccessKey: gw.secretKey } });
    token = (await gw.tokens.issue({ userId: gw.userId, kind: 'auth', ttlSeconds: 600 })).token;
    const app = createGatewayApp({ storage: gw.storage, identity: gw.identity, tokens: gw.tokens, region: gw.region, publicUrl: gw.url, logger: createLogger({ level: 'silent', name: 'e2e' }) });
    untrusted = await listenOnLoopback(app);
  });
  afterAll(async () => {
    s3?.destroy();
    await untrusted?.close();
    await gw?.close();
  });

  const v1ext = (method: string, path: string, body?: object) =>
    fetch(`${gw.url}/v1_ext/bucket${path}`, { method, headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
  const setAcl = async (bucket: string, acl: object | null) => expect((await v1ext('POST', `/${bucket}`, { acl })).status).toBe(200);
  /** Anonymous reads of one object through S3 and Swift: their two statuses. */
  const anonymousReads = async (bucket: string, headers: Record<string, string> = {}, base = gw.url): Promise<[number, number]> => [
    (await fetch(`${base}/${gw.accountId}:${bucket}/file.txt`, { headers })).status,
    (await fetch(`${base}/v1/AUTH_${gw.accountId}/${bucket}/file.txt`, { headers })).status,
  ];

  it('read-only lets anonymous S3 and Swift clients read objects (not list them); deny and null shut them out again', async () => {
    expect((await v1ext('PUT', '', { name: 'public-reads', type: 'STANDARD' })).status).toBe(200);
    await s3.send(new PutObjectCommand({ Bucket: 'public-reads', Key: 'file.txt', Body: 'hello public' }));
    expect(await anonymousReads('public-reads')).toEqual([403, 401]);

    await setAcl('public-reads', { public: 'read-only', public_read_allow_ip_list: [] });
    const got = await fetch(`${gw.url}/${gw.accountId}:public-reads/file.txt`);
    expect(got.status).toBe(200);
    expect(await got.text()).toBe('hello public');
    const swift = await fetch(`${gw.url}/v1/AUTH_${gw.accountId}/public-reads/file.txt`);
    expect([swift.status, await swift.text()]).toEqual([200, 'hello public']);
    expect((await fetch(`${gw.url}/${gw.accountId}:public-reads/file.txt`, { method: 'HEAD' })).status).toBe(200);
    // Reading objects, not listing or writing them.
    expect((await fetch(`${gw.url}/${gw.accountId}:public-reads?list-type=2`)).status).toBe(403);
    expect((await fetch(`${gw.url}/v1/AUTH_${gw.accountId}/public-reads`)).status).toBe(401);
    expect((await fetch(`${gw.url}/${gw.accountId}:public-reads/new.txt`, { method: 'PUT', body: 'x' })).status).toBe(403);

    await setAcl('public-reads', { public: 'deny', public_read_allow_ip_list: null });
    expect(await anonymousReads('public-reads')).toEqual([403, 401]);
    await setAcl('public-reads', { public: 'read-only' });
    expect(await anonymousReads('public-reads')).toEqual([200, 200]);
    await setAcl('public-reads', null);
    expect(await anonymousReads('public-reads')).toEqual([403, 401]);
  });

  it('an IP allow list admits only listed clients; X-Forwarded-For counts only from a trusted proxy', async () => {
    expect((await v1ext('PUT', '', { name: 'ip-listed', type: 'STANDARD' })).status).toBe(200);
    await s3.send(new PutObjectCommand({ Bucket: 'ip-listed', Key: 'file.txt', Body: 'listed' }));
    await setAcl('ip-listed', { public: 'read-only', public_read_allow_ip_list: ['10.9.8.0/24', '2001:db8::1'] });

    // The socket address (127.0.0.1) is not listed.
    expect(await anonymousReads('ip-listed')).toEqual([403, 401]);
    // Through the trusted proxy (127.0.0.1) the forwarded client is.
    expect(await anonymousReads('ip-listed', { 'X-Forwarded-For': '10.9.8.7' })).toEqual([200, 200]);
    expect(await anonymousReads('ip-listed', { 'X-Forwarded-For': '2001:db8::1' })).toEqual([200, 200]);
    expect(await anonymousReads('ip-listed', { 'X-Forwarded-For': '10.9.9.1' })).toEqual([403, 401]);
    // Without trust in its peer, the same header is the client's word and changes nothing.
    expect(await anonymousReads('ip-listed', { 'X-Forwarded-For': '10.9.8.7' }, untrusted.url)).toEqual([403, 401]);
    // The list also admits the socket address itself when it is listed.
    await setAcl('ip-listed', { public: 'read-only', public_read_allow_ip_list: ['127.0.0.0/8'] });
    expect(await anonymousReads('ip-listed', {}, untrusted.url)).toEqual([200, 200]);
  });

  it('deny overrides an S3 public-read ACL for anonymous callers; the owner still reads', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'acl-public', ACL: 'public-read' }));
    await s3.send(new PutObjectCommand({ Bucket: 'acl-public', Key: 'file.txt', Body: 'acl' }));
    expect((await anonymousReads('acl-public'))[0]).toBe(200);
    await setAcl('acl-public', { public: 'deny' });
    expect((await anonymousReads('acl-public'))[0]).toBe(403);
    const owner = await fetch(`${gw.url}/v1/AUTH_${gw.accountId}/acl-public/file.txt`, { headers: { 'X-Auth-Token': token } });
    expect(owner.status).toBe(200);
  });

  it('a lifecycle set through /v1_ext is read by GetBucketLifecycleConfiguration; CORS rules by GetBucketCors', async () => {
    expect((await v1ext('PUT', '', { name: 'configured', type: 'STANDARD' })).status).toBe(200);
    const xml =
      '<?xml version="1.0"?><LifecycleConfiguration>' +
      '<Rule><ID>day1Rule</ID><Expiration><Days>1</Days></Expiration><Prefix>expire1/</Prefix><Status>Enabled</Status></Rule>' +
      '<Rule><ID>dateRule</ID><Expiration><Date>2023-06-10T00:00:00.000Z</Date></Expiration><Filter><Prefix>a&amp;b/</Prefix></Filter><Status>Disabled</Status></Rule>' +
      '</LifecycleConfiguration>';
    const put = await fetch(`${gw.url}/v1_ext/bucket/configured/lifecycle`, { method: 'PUT', headers: { 'X-Auth-Token': token }, body: xml });
    expect(put.status).toBe(200);
    const lifecycle = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: 'configured' }));
    expect(lifecycle.Rules).toEqual([
      expect.objectContaining({ ID: 'day1Rule', Prefix: 'expire1/', Status: 'Enabled', Expiration: { Days: 1 } }),
      expect.objectContaining({ ID: 'dateRule', Filter: { Prefix: 'a&b/' }, Status: 'Disabled', Expiration: { Date: new Date('2023-06-10T00:00:00.000Z') } }),
    ]);

    const cors = { cors: [{ allowed_origins: ['https://www.example1.com'], allowed_methods: ['PUT', 'GET'], allowed_headers: ['*'], expose_headers: [], max_age_seconds: 10 }] };
    expect((await v1ext('PUT', '/configured/cors', cors)).status).toBe(200);
    const rules = await s3.send(new GetBucketCorsCommand({ Bucket: 'configured' }));
    expect(rules.CORSRules).toEqual([expect.objectContaining({ AllowedOrigins: ['https://www.example1.com'], AllowedMethods: ['PUT', 'GET'], AllowedHeaders: ['*'], MaxAgeSeconds: 10 })]);
  });

  it('container metadata set through Swift POST shows up in the /v1_ext detail', async () => {
    expect((await v1ext('PUT', '', { name: 'with-meta', type: 'STANDARD' })).status).toBe(200);
    const post = await fetch(`${gw.url}/v1/AUTH_${gw.accountId}/with-meta`, { method: 'POST', headers: { 'X-Auth-Token': token, 'X-Container-Meta-Company': 'kakao enterprise' } });
    expect(post.status).toBe(204);
    const detail = await v1ext('GET', '/with-meta');
    expect(detail.headers.get('x-container-meta-company')).toBe('kakao enterprise');
    expect(await detail.json()).toMatchObject({ name: 'with-meta', bytes: 0, objectCount: 0 });
  });
});
