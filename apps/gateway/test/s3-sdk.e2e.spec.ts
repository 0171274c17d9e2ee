// End to end with the official AWS SDK for JavaScript v3 against a running gateway. The SDK's
// defaults are kept on purpose: CRC32 checksums and aws-chunked trailer uploads must work.
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { errorOf } from './sdk-errors';
import { startTestGateway, TestGateway } from './start-test-gateway';

const md5 = (data: Buffer | string) => createHash('md5').update(data).digest('hex');

describe('S3 API with @aws-sdk/client-s3', () => {
  let gw: TestGateway;
  let s3: S3Client;

  beforeAll(async () => {
    gw = await startTestGateway();
    s3 = new S3Client({
      endpoint: gw.url,
      region: gw.region,
      forcePathStyle: true,
      credentials: { accessKeyId: gw.accessKey, secretAccessKey: gw.secretKey },
    });
  });
  afterAll(async () => {
    s3?.destroy();
    await gw?.close();
  });

  it('creates, finds, locates and lists buckets', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'photos' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'docs', CreateBucketConfiguration: { LocationConstraint: gw.region as never } }));
    const head = await s3.send(new HeadBucketCommand({ Bucket: 'photos' }));
    expect(head.$metadata.httpStatusCode).toBe(200);
    const location = await s3.send(new GetBucketLocationCommand({ Bucket: 'photos' }));
    expect(location.LocationConstraint).toBe(gw.region);
    const list = await s3.send(new ListBucketsCommand({}));
    expect(list.Buckets?.map((b) => b.Name)).toEqual(['docs', 'photos']);
    expect(list.Owner).toEqual({ ID: gw.userId, DisplayName: 'tester' });
    expect(list.Buckets?.[0].CreationDate).toBeInstanceOf(Date);
  });

  it('refuses bad and duplicate bucket names and deleting a full bucket', async () => {
    expect((await errorOf(s3.send(new CreateBucketCommand({ Bucket: 'Bad_Name' })))).name).toBe('InvalidBucketName');
    expect((await errorOf(s3.send(new CreateBucketCommand({ Bucket: 'photos' })))).name).toBe('BucketAlreadyOwnedByYou');
    const wrongRegion = await errorOf(
      s3.send(new CreateBucketCommand({ Bucket: 'elsewhere', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } })),
    );
    expect(wrongRegion.name).toBe('InvalidLocationConstraint');
    const missing = await errorOf(s3.send(new HeadBucketCommand({ Bucket: 'nope' })));
    expect(missing.$metadata.httpStatusCode).toBe(404);
    await s3.send(new PutObjectCommand({ Bucket: 'docs', Key: 'keep', Body: 'x' }));
    expect((await errorOf(s3.send(new DeleteBucketCommand({ Bucket: 'docs' })))).name).toBe('BucketNotEmpty');
  });

  it('round-trips objects with metadata, content type and MD5 ETags', async () => {
    const body = randomBytes(300_000);
    const put = await s3.send(
      new PutObjectCommand({ Bucket: 'photos', Key: 'a/b/c.bin', Body: body, ContentType: 'image/png', Metadata: { owner: 'alice' } }),
    );
    expect(put.ETag).toBe(`"${md5(body)}"`);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'photos', Key: 'a/b/c.bin' }));
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(body);
    expect(got.ContentType).toBe('image/png');
    expect(got.Metadata).toEqual({ owner: 'alice' });
    expect(got.ContentLength).toBe(body.length);
    expect(got.LastModified).toBeInstanceOf(Date);
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'photos', Key: 'a/b/c.bin' }));
    expect(head.ETag).toBe(`"${md5(body)}"`);
  });

  it('stores a streamed body of unknown length sent as aws-chunked with a trailing CRC32', async () => {
    const chunks = [randomBytes(70_000), randomBytes(1), randomBytes(200_000)];
    const whole = Buffer.concat(chunks);
    await s3.send(new PutObjectCommand({ Bucket: 'photos', Key: 'streamed', Body: Readable.from(chunks), ContentLength: whole.length }));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'photos', Key: 'streamed', ChecksumMode: 'ENABLED' }));
    const bytes = Buffer.from(await got.Body!.transformToByteArray());
    expect(bytes.length).toBe(whole.length);
    expect(md5(bytes)).toBe(md5(whole)); // no aws-chunked framing in the stored object
  });

  it('serves byte ranges and honours conditional headers', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'photos', Key: 'digits', Body: '0123456789' }));
    const part = await s3.send(new GetObjectCommand({ Bucket: 'photos', Key: 'digits', Range: 'bytes=2-5' }));
    expect(await part.Body!.transformToString()).toBe('2345');
    expect(part.ContentRange).toBe('bytes 2-5/10');
    const tail = await s3.send(new GetObjectCommand({ Bucket: 'photos', Key: 'digits', Range: 'bytes=-3' }));
    expect(await tail.Body!.transformToString()).toBe('789');
    const invalid = await errorOf(s3.send(new GetObjectCommand({ Bucket: 'photos', Key: 'digits', Range: 'bytes=20-30' })));
    expect(invalid.name).toBe('InvalidRange');
    const etag = (await s3.send(new HeadObjectCommand({ Bucket: 'photos', Key: 'digits' }))).ETag!;
    const notModified = await errorOf(s3.send(new GetObjectCommand({ Bucket: 'photos', Key: 'digits', IfNoneMatch: etag })));
    expect(notModified.$metadata.httpStatusCode).toBe(304);
    const failed = await errorOf(s3.send(new GetObjectCommand({ Bucket: 'photos', Key: 'digits', IfMatch: '"nope"' })));
    expect(failed.name).toBe('PreconditionFailed');
  });

  it('lists with prefix, delimiter and pagination (v1 and v2)', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'listing' }));
    const keys = ['a.txt', 'dir/x', 'dir/y', 'dir/sub/z', 'other/1', 'z', 'é', '\u{1F600}'];
    for (const Key of keys) await s3.send(new PutObjectCommand({ Bucket: 'listing', Key, Body: Key }));
    const root = await s3.send(new ListObjectsV2Command({ Bucket: 'listing', Delimiter: '/' }));
    expect(root.Contents?.map((o) => o.Key)).toEqual(['a.txt', 'z', 'é', '\u{1F600}']);
    expect(root.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['dir/', 'other/']);
    expect(root.KeyCount).toBe(6);

    const seen: string[] = [];
    let ContinuationToken: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: 'listing', MaxKeys: 3, ContinuationToken }));
      seen.push(...(page.Contents ?? []).map((o) => o.Key!));
      ContinuationToken = page.NextContinuationToken;
    } while (ContinuationToken);
    expect(seen).toEqual([...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));

    const v1 = await s3.send(new ListObjectsCommand({ Bucket: 'listing', Prefix: 'dir/', Delimiter: '/', MaxKeys: 1 }));
    expect(v1.Contents ?? []).toEqual([]);
    expect(v1.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['dir/sub/']);
    expect(v1.IsTruncated).toBe(true);
    const next = await s3.send(new ListObjectsCommand({ Bucket: 'listing', Prefix: 'dir/', Delimiter: '/', Marker: v1.NextMarker }));
    expect(next.Contents?.map((o) => o.Key)).toEqual(['dir/x', 'dir/y']);
    expect(next.Contents?.[0].Owner?.ID).toBe(gw.userId);

    const encoded = await s3.send(new ListObjectsV2Command({ Bucket: 'listing', Prefix: 'é', EncodingType: 'url' }));
    // SDK v3 hands url-encoded keys back as sent (botocore decodes them itself).
    expect(encoded.Contents?.map((o) => o.Key)).toEqual(['%C3%A9']);
    expect(encoded.Prefix).toBe('%C3%A9');
    expect(encoded.EncodingType).toBe('url');
  });

  it('deletes one object and many objects', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'photos', Key: 'gone', Body: 'x' }));
    await s3.send(new DeleteObjectCommand({ Bucket: 'photos', Key: 'gone' }));
    expect((await errorOf(s3.send(new GetObjectCommand({ Bucket: 'photos', Key: 'gone' })))).name).toBe('NoSuchKey');
    await s3.send(new DeleteObjectCommand({ Bucket: 'photos', Key: 'never-was' }));

    for (const Key of ['m1', 'm2', 'm3']) await s3.send(new PutObjectCommand({ Bucket: 'photos', Key, Body: Key }));
    const result = await s3.send(
      new DeleteObjectsCommand({ Bucket: 'photos', Delete: { Objects: [{ Key: 'm1' }, { Key: 'm2' }, { Key: 'm9' }] } }),
    );
    expect(result.Deleted?.map((d) => d.Key).sort()).toEqual(['m1', 'm2', 'm9']);
    const left = await s3.send(new ListObjectsV2Command({ Bucket: 'photos', Prefix: 'm' }));
    expect(left.Contents?.map((o) => o.Key)).toEqual(['m3']);
  });

  it('works with presigned GET and PUT URLs', async () => {
    const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'photos', Key: 'presigned.txt' }), { expiresIn: 600 });
    const put = await fetch(putUrl, { method: 'PUT', body: 'hello presigned' });
    expect(put.status).toBe(200);
    const getUrl = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'photos', Key: 'presigned.txt' }), { expiresIn: 600 });
    const get = await fetch(getUrl);
    expect(await get.text()).toBe('hello presigned');
    const tampered = await fetch(getUrl.replace('presigned.txt', 'other.txt'));
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('rejects a wrong secret and an unknown key', async () => {
    const wrong = new S3Client({
      endpoint: gw.url,
      region: gw.region,
      forcePathStyle: true,
      credentials: { accessKeyId: gw.accessKey, secretAccessKey: 'not-the-secret-at-all' },
    });
    expect((await errorOf(wrong.send(new ListBucketsCommand({})))).name).toBe('SignatureDoesNotMatch');
    const unknown = new S3Client({
      endpoint: gw.url,
      region: gw.region,
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIDONOTEXIST', secretAccessKey: 'whatever-secret' },
    });
    expect((await errorOf(unknown.send(new ListBucketsCommand({})))).name).toBe('InvalidAccessKeyId');
    wrong.destroy();
    unknown.destroy();
  });
});

describe('one port for every dialect', () => {
  let gw: TestGateway;
  beforeAll(async () => (gw = await startTestGateway()));
  afterAll(() => gw?.close());

  it('routes by path and serves health and metrics', async () => {
    expect((await fetch(`${gw.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${gw.url}/readyz`)).status).toBe(200);
    expect(await (await fetch(`${gw.url}/metrics`)).text()).toContain('http_requests_total');
    // Swift: an unauthenticated storage request is a 401 with Swift's error page.
    const swift = await fetch(`${gw.url}/v1/AUTH_${gw.accountId}/c`);
    expect(swift.status).toBe(401);
    expect(await swift.text()).toContain('<h1>Unauthorized</h1>');
    expect(await (await fetch(`${gw.url}/kos/v1/nothing`)).json()).toEqual({ code: 'NotFound', message: 'No such resource.' });
    const s3 = await fetch(`${gw.url}/`);
    expect(s3.status).toBe(403);
    expect(await s3.text()).toContain('<Code>AccessDenied</Code>');
  });
});
