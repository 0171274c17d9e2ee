// Swift and S3 over one storage core: what one dialect writes, the other reads the same (bytes,
// ETag, content type, user metadata), through a real gateway and the official AWS SDK.
import { createHash, randomBytes } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startTestGateway, TestGateway } from './start-test-gateway';

const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex');
const PASSWORD = 'cross-protocol-pw';

describe('Swift <-> S3 on one gateway', () => {
  let gw: TestGateway;
  let s3: S3Client;
  let token: string;
  let storageUrl: string;

  beforeAll(async () => {
    gw = await startTestGateway();
    s3 = new S3Client({ endpoint: gw.url, region: gw.region, forcePathStyle: true, credentials: { accessKeyId: gw.accessKey, secretAccessKey: gw.secretKey } });
    await gw.identity.setPassword(gw.userId, PASSWORD);
    const user = await gw.identity.findUser(gw.userId);
    const auth = await fetch(`${gw.url}/auth/v1.0`, { headers: { 'X-Auth-User': `e2e:${user.name}`, 'X-Auth-Key': PASSWORD } });
    expect(auth.status).toBe(200);
    token = auth.headers.get('x-auth-token')!;
    storageUrl = auth.headers.get('x-storage-url')!;
    expect(storageUrl).toBe(`${gw.url}/v1/AUTH_${gw.accountId}`);
    expect((await fetch(`${storageUrl}/cross`, { method: 'PUT', headers: { 'X-Auth-Token': token } })).status).toBe(201);
  });
  afterAll(async () => {
    s3?.destroy();
    await gw?.close();
  });

  it('reads with Swift what S3 wrote', async () => {
    const body = randomBytes(70_000);
    await s3.send(new PutObjectCommand({ Bucket: 'cross', Key: 'from-s3/a.bin', Body: body, ContentType: 'image/png', Metadata: { color: 'blue' } }));
    const res = await fetch(`${storageUrl}/cross/from-s3/a.bin`, { headers: { 'X-Auth-Token': token } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(body);
    expect(res.headers.get('etag')).toBe(md5(body));
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-object-meta-color')).toBe('blue');
  });

  it('reads with S3 what Swift wrote, chunked and with metadata', async () => {
    const body = randomBytes(50_000);
    const put = await fetch(`${storageUrl}/cross/from-swift.txt`, {
      method: 'PUT',
      headers: { 'X-Auth-Token': token, 'Content-Type': 'text/plain', 'X-Object-Meta-Owner': 'swift', ETag: md5(body) },
      // A stream body goes out chunked (no Content-Length).
      body: new Blob([body]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(put.status).toBe(201);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'cross', Key: 'from-swift.txt' }));
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(body);
    expect(got.ETag).toBe(`"${md5(body)}"`);
    expect(got.ContentType).toBe('text/plain');
    expect(got.Metadata).toEqual({ owner: 'swift' });

    // Swift POST replaces the metadata S3 then sees.
    expect((await fetch(`${storageUrl}/cross/from-swift.txt`, { method: 'POST', headers: { 'X-Auth-Token': token, 'X-Object-Meta-Stage': 'two' } })).status).toBe(202);
    expect((await s3.send(new HeadObjectCommand({ Bucket: 'cross', Key: 'from-swift.txt' }))).Metadata).toEqual({ stage: 'two' });
  });

  it('lets anonymous Swift callers read what an S3 public-read ACL opens, and nothing else', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'cross', Key: 'public.txt', Body: 'open', ACL: 'public-read' }));
    const open = await fetch(`${storageUrl}/cross/public.txt`);
    expect(open.status).toBe(200);
    expect(await open.text()).toBe('open');
    expect((await fetch(`${storageUrl}/cross/from-s3/a.bin`)).status).toBe(401);
  });
});
