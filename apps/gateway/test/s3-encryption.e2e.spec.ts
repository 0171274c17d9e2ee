// Server-side encryption and the GetObject extras end to end with the AWS SDK v3 and its
// defaults (CRC32 on uploads, `x-amz-checksum-mode: ENABLED` and checksum validation on every
// GetObject): bucket encryption calls, SSE on PutObject, multipart and CopyObject, ranged reads of
// encrypted objects, checksum mode, response overrides; blob files on disk hold ciphertext.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketEncryptionCommand,
  GetBucketEncryptionCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutBucketEncryptionCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { errorOf } from './sdk-errors';
import { startTestGateway, TestGateway } from './start-test-gateway';

const MiB = 1024 * 1024;
const AES256 = { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' as const } }] };

describe('S3 server-side encryption with @aws-sdk/client-s3', () => {
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
    await s3.send(new CreateBucketCommand({ Bucket: 'sealed' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'open' }));
    await s3.send(new PutBucketEncryptionCommand({ Bucket: 'sealed', ServerSideEncryptionConfiguration: AES256 }));
  });
  afterAll(async () => {
    s3?.destroy();
    await gw?.close();
  });

  const bytesOf = async (output: { Body?: { transformToByteArray(): Promise<Uint8Array> } }) => Buffer.from(await output.Body!.transformToByteArray());
  const blobFiles = (dir = join(gw.blobDir, 'data')): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? blobFiles(join(dir, name)) : [join(dir, name)]));
  const onDiskContaining = (data: Buffer) => blobFiles().filter((file) => readFileSync(file).includes(data));

  it('Get/Put/DeleteBucketEncryption', async () => {
    const got = await s3.send(new GetBucketEncryptionCommand({ Bucket: 'sealed' }));
    expect(got.ServerSideEncryptionConfiguration?.Rules).toEqual([{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }]);
    expect((await errorOf(s3.send(new GetBucketEncryptionCommand({ Bucket: 'open' })))).name).toBe('ServerSideEncryptionConfigurationNotFoundError');
    const kms = await errorOf(
      s3.send(new PutBucketEncryptionCommand({ Bucket: 'open', ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] } })),
    );
    expect(kms.name).toBe('InvalidEncryptionAlgorithmError');

    await s3.send(new CreateBucketCommand({ Bucket: 'passing' }));
    await s3.send(new PutBucketEncryptionCommand({ Bucket: 'passing', ServerSideEncryptionConfiguration: AES256 }));
    await s3.send(new PutObjectCommand({ Bucket: 'passing', Key: 'k', Body: 'x' }));
    await s3.send(new DeleteBucketEncryptionCommand({ Bucket: 'passing' }));
    expect((await errorOf(s3.send(new GetBucketEncryptionCommand({ Bucket: 'passing' })))).name).toBe('ServerSideEncryptionConfigurationNotFoundError');
    const full = await errorOf(s3.send(new PutBucketEncryptionCommand({ Bucket: 'passing', ServerSideEncryptionConfiguration: AES256 })));
    expect({ name: full.name, status: full.$metadata.httpStatusCode }).toEqual({ name: 'InvalidBucketState', status: 409 });
  });

  it('encrypts objects of an encrypted bucket; reads return the plaintext, checksum-validated by the SDK', async () => {
    const Body = Buffer.from('confidential: '.repeat(10_000));
    const put = await s3.send(new PutObjectCommand({ Bucket: 'sealed', Key: 'doc.txt', Body }));
    expect(put.ServerSideEncryption).toBe('AES256');
    expect(put.ChecksumCRC32).toEqual(expect.any(String));
    expect(onDiskContaining(Body.subarray(0, 28))).toEqual([]);

    const got = await s3.send(new GetObjectCommand({ Bucket: 'sealed', Key: 'doc.txt' }));
    expect(got.ServerSideEncryption).toBe('AES256');
    expect(got.ChecksumCRC32).toBe(put.ChecksumCRC32);
    expect(got.ChecksumType).toBe('FULL_OBJECT');
    expect((await bytesOf(got)).equals(Body)).toBe(true);
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'sealed', Key: 'doc.txt', ChecksumMode: 'ENABLED' }));
    expect(head).toMatchObject({ ServerSideEncryption: 'AES256', ChecksumCRC32: put.ChecksumCRC32, ContentLength: Body.length });
  });

  it('ServerSideEncryption: AES256 on PutObject encrypts in a plain bucket', async () => {
    const Body = randomBytes(4000);
    const put = await s3.send(new PutObjectCommand({ Bucket: 'open', Key: 'sse.bin', Body, ServerSideEncryption: 'AES256' }));
    expect(put.ServerSideEncryption).toBe('AES256');
    expect(onDiskContaining(Body.subarray(0, 64))).toEqual([]);
    expect((await s3.send(new HeadObjectCommand({ Bucket: 'open', Key: 'sse.bin' }))).ServerSideEncryption).toBe('AES256');
    expect((await bytesOf(await s3.send(new GetObjectCommand({ Bucket: 'open', Key: 'sse.bin' })))).equals(Body)).toBe(true);
    const wrong = await errorOf(s3.send(new PutObjectCommand({ Bucket: 'open', Key: 'kms', Body: 'x', ServerSideEncryption: 'aws:kms' })));
    expect(wrong.name).toBe('InvalidArgument');
  });

  it('reads ranges of an encrypted multipart object across part boundaries', async () => {
    const data = [randomBytes(5 * MiB + 9), randomBytes(2 * MiB + 1)];
    const whole = Buffer.concat(data);
    const Key = 'parts.bin';
    const { UploadId, ServerSideEncryption } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'sealed', Key, ChecksumAlgorithm: 'CRC32' }));
    expect(ServerSideEncryption).toBe('AES256');
    const Parts = [];
    for (const [i, Body] of data.entries()) {
      const part = await s3.send(new UploadPartCommand({ Bucket: 'sealed', Key, UploadId, PartNumber: i + 1, Body }));
      expect(part.ServerSideEncryption).toBe('AES256');
      Parts.push({ PartNumber: i + 1, ETag: part.ETag, ChecksumCRC32: part.ChecksumCRC32 });
    }
    const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket: 'sealed', Key, UploadId, MultipartUpload: { Parts } }));
    expect(done.ServerSideEncryption).toBe('AES256');
    for (const part of data) expect(onDiskContaining(part.subarray(0, 64))).toEqual([]);

    const boundary = data[0].length;
    for (const [first, last] of [[boundary - 16, boundary + 15], [boundary - 1, boundary], [boundary - 7, boundary + 100], [0, whole.length - 1]]) {
      const got = await s3.send(new GetObjectCommand({ Bucket: 'sealed', Key, Range: `bytes=${first}-${last}` }));
      expect({ first, ok: (await bytesOf(got)).equals(whole.subarray(first, last + 1)) }).toEqual({ first, ok: true });
    }
    // The whole object: its composite checksum (`-2`) comes back and the SDK leaves it unchecked.
    const got = await s3.send(new GetObjectCommand({ Bucket: 'sealed', Key }));
    expect(got.ChecksumCRC32).toMatch(/-2$/);
    expect(got.ChecksumType).toBe('COMPOSITE');
    expect((await bytesOf(got)).equals(whole)).toBe(true);
  });

  it('CopyObject between encryption states re-encrypts, and never serves ciphertext', async () => {
    const Body = randomBytes(6000);
    await s3.send(new PutObjectCommand({ Bucket: 'sealed', Key: 'copy-me', Body }));
    const out = await s3.send(new CopyObjectCommand({ Bucket: 'open', Key: 'copied', CopySource: 'sealed/copy-me' }));
    expect(out.ServerSideEncryption).toBeUndefined();
    expect((await bytesOf(await s3.send(new GetObjectCommand({ Bucket: 'open', Key: 'copied' })))).equals(Body)).toBe(true);
    expect(onDiskContaining(Body)).toHaveLength(1);
    const sealed = await s3.send(new CopyObjectCommand({ Bucket: 'open', Key: 'sealed-copy', CopySource: 'open/copied', ServerSideEncryption: 'AES256' }));
    expect(sealed.ServerSideEncryption).toBe('AES256');
    expect((await bytesOf(await s3.send(new GetObjectCommand({ Bucket: 'open', Key: 'sealed-copy' })))).equals(Body)).toBe(true);
  });

  it('response overrides through GetObject parameters and a presigned URL', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'sealed', Key: 'report.csv', Body: 'a,b\n1,2\n', ContentType: 'text/plain' }));
    const got = await s3.send(
      new GetObjectCommand({
        Bucket: 'sealed',
        Key: 'report.csv',
        ResponseContentType: 'text/csv',
        ResponseContentDisposition: 'attachment; filename="report.csv"',
        ResponseCacheControl: 'no-store',
        ResponseContentLanguage: 'en',
        ResponseExpires: new Date('2044-01-01T00:00:00Z'),
      }),
    );
    expect(got).toMatchObject({ ContentType: 'text/csv', ContentDisposition: 'attachment; filename="report.csv"', CacheControl: 'no-store', ContentLanguage: 'en' });
    expect(got.ExpiresString ?? got.Expires?.toUTCString()).toBe('Fri, 01 Jan 2044 00:00:00 GMT');
    expect(await got.Body!.transformToString()).toBe('a,b\n1,2\n');

    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'sealed', Key: 'report.csv', ResponseContentDisposition: 'attachment; filename="dl.csv"' }), { expiresIn: 300 });
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="dl.csv"');
    expect(res.headers.get('x-amz-server-side-encryption')).toBe('AES256');
    expect(await res.text()).toBe('a,b\n1,2\n');
  });
});
