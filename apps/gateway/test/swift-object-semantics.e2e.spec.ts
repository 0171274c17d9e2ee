// Swift object semantics seen through S3 on one gateway: folder markers, server-side copies,
// expired objects (X-Delete-At) and bulk deletes are the same objects for the AWS SDK.
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startTestGateway, TestGateway } from './start-test-gateway';
import { s3ClientFor, SwiftSession, swiftSession } from './swift-session';

const PASSWORD = 'object-semantics-pw';

describe('Swift object semantics through S3', () => {
  let gw: TestGateway;
  let s3: S3Client;
  let swift: SwiftSession['swift'];

  beforeAll(async () => {
    gw = await startTestGateway();
    s3 = s3ClientFor(gw);
    ({ swift } = await swiftSession(gw, PASSWORD));
    expect((await swift('sem', { method: 'PUT' })).status).toBe(201);
  });
  afterAll(async () => {
    s3?.destroy();
    await gw?.close();
  });

  it('a Swift folder is a zero-byte `dir/` key for S3', async () => {
    const put = await swift('sem/photos/2024/', { method: 'PUT', headers: { 'Content-Type': 'application/directory' }, body: '' });
    expect(put.status).toBe(201);
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'sem', Key: 'photos/2024/' }));
    expect(head).toMatchObject({ ContentLength: 0, ContentType: 'application/directory', ETag: '"d41d8cd98f00b204e9800998ecf8427e"' });
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'sem', Prefix: 'photos/', Delimiter: '/' }));
    expect(listed.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['photos/2024/']);
  });

  it('S3 reads a Swift COPY (source bytes, merged metadata) and sees a MOVE', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'sem', Key: 'orig.txt', Body: 'original bytes', ContentType: 'text/plain', Metadata: { from: 's3' } }));
    const copy = await swift('sem/orig.txt', { method: 'COPY', headers: { Destination: 'sem/copied.txt', 'X-Object-Meta-Via': 'swift' } });
    expect(copy.status).toBe(201);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'sem', Key: 'copied.txt' }));
    expect(await got.Body!.transformToString()).toBe('original bytes');
    expect(got.Metadata).toEqual({ from: 's3', via: 'swift' });
    expect(got.ContentType).toBe('text/plain');

    expect((await swift('sem/copied.txt', { method: 'MOVE', headers: { Destination: '/sem/moved.txt' } })).status).toBe(201);
    await expect(s3.send(new HeadObjectCommand({ Bucket: 'sem', Key: 'copied.txt' }))).rejects.toMatchObject({ name: 'NotFound' });
    expect(await (await s3.send(new GetObjectCommand({ Bucket: 'sem', Key: 'moved.txt' }))).Body!.transformToString()).toBe('original bytes');
  });

  it('an object whose X-Delete-At has passed is gone for S3 too, before any worker runs', async () => {
    const at = Math.floor(Date.now() / 1000) + 2;
    expect((await swift('sem/short-lived', { method: 'PUT', headers: { 'X-Delete-At': String(at) }, body: 'soon gone' })).status).toBe(201);
    expect((await s3.send(new HeadObjectCommand({ Bucket: 'sem', Key: 'short-lived' }))).ContentLength).toBe(9);
    await new Promise((resolve) => setTimeout(resolve, at * 1000 - Date.now() + 100));
    await expect(s3.send(new HeadObjectCommand({ Bucket: 'sem', Key: 'short-lived' }))).rejects.toMatchObject({ name: 'NotFound' });
    await expect(s3.send(new GetObjectCommand({ Bucket: 'sem', Key: 'short-lived' }))).rejects.toMatchObject({ name: 'NoSuchKey' });
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'sem' }));
    expect(listed.Contents?.map((o) => o.Key)).not.toContain('short-lived');
  });

  it('a Swift bulk delete removes what S3 wrote', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'sem', Key: 'bulk/a b.txt', Body: '1' }));
    const res = await swift('?bulk-delete', { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'text/plain' }, body: '/sem/bulk/a%20b.txt\n' });
    expect(await res.json()).toMatchObject({ 'Number Deleted': 1, 'Response Status': '200 OK' });
    await expect(s3.send(new HeadObjectCommand({ Bucket: 'sem', Key: 'bulk/a b.txt' }))).rejects.toMatchObject({ name: 'NotFound' });
  });
});
