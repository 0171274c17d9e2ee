// Multipart uploads end to end with the AWS SDK v3 and its defaults (CRC32 checksums on every
// part, aws-chunked trailers for streamed parts): create, upload three parts, list them and the
// uploads, complete, read back whole, in ranges across part boundaries and by part number;
// UploadPartCopy with a range; abort.
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { errorOf } from './sdk-errors';
import { startTestGateway, TestGateway } from './start-test-gateway';

const MiB = 1024 * 1024;
const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex');

describe('S3 multipart uploads with @aws-sdk/client-s3', () => {
  let gw: TestGateway;
  let s3: S3Client;
  const Bucket = 'multipart';

  beforeAll(async () => {
    gw = await startTestGateway();
    s3 = new S3Client({
      endpoint: gw.url,
      region: gw.region,
      forcePathStyle: true,
      credentials: { accessKeyId: gw.accessKey, secretAccessKey: gw.secretKey },
    });
    await s3.send(new CreateBucketCommand({ Bucket }));
  });
  afterAll(async () => {
    s3?.destroy();
    await gw?.close();
  });

  const bytesOf = async (output: { Body?: { transformToByteArray(): Promise<Uint8Array> } }) => Buffer.from(await output.Body!.transformToByteArray());

  it('uploads three parts, lists them, completes, and reads the object back', async () => {
    const data = [randomBytes(5 * MiB), randomBytes(5 * MiB), randomBytes(123_456)];
    const whole = Buffer.concat(data);
    const Key = 'movies/film.bin';
    const created = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key, ContentType: 'video/mp4', Metadata: { camera: 'x100' } }));
    const UploadId = created.UploadId!;
    expect(created).toMatchObject({ Bucket, Key });

    const parts = [];
    for (let i = 0; i < data.length; i++) {
      // The last part as a stream: the SDK sends it aws-chunked with a trailing CRC32.
      const Body = i === 2 ? Readable.from([data[i].subarray(0, 1000), data[i].subarray(1000)]) : data[i];
      const part = await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: i + 1, Body, ContentLength: data[i].length }));
      expect(part.ETag).toBe(`"${md5(data[i])}"`);
      parts.push({ PartNumber: i + 1, ETag: part.ETag, ChecksumCRC32: part.ChecksumCRC32 });
    }

    const listed = await s3.send(new ListPartsCommand({ Bucket, Key, UploadId, MaxParts: 2 }));
    expect(listed.Parts?.map((p) => [p.PartNumber, p.Size, p.ETag])).toEqual([
      [1, 5 * MiB, parts[0].ETag],
      [2, 5 * MiB, parts[1].ETag],
    ]);
    expect(listed).toMatchObject({ IsTruncated: true, NextPartNumberMarker: '2', MaxParts: 2, UploadId });
    const rest = await s3.send(new ListPartsCommand({ Bucket, Key, UploadId, PartNumberMarker: listed.NextPartNumberMarker }));
    expect(rest.Parts?.map((p) => p.PartNumber)).toEqual([3]);
    expect(rest.Parts?.[0].LastModified).toBeInstanceOf(Date);

    const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket, Prefix: 'movies/' }));
    expect(uploads.Uploads?.map((u) => [u.Key, u.UploadId])).toEqual([[Key, UploadId]]);
    expect(uploads.Uploads?.[0].Initiated).toBeInstanceOf(Date);
    expect(uploads.Uploads?.[0].Owner?.ID).toBe(gw.userId);
    const rolled = await s3.send(new ListMultipartUploadsCommand({ Bucket, Delimiter: '/' }));
    expect(rolled.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['movies/']);

    const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: parts } }));
    const byHand = md5(Buffer.concat(data.map((d) => createHash('md5').update(d).digest())));
    expect(done).toMatchObject({ Bucket, Key, ETag: `"${byHand}-3"` });
    expect(done.Location).toBe(`${gw.url}/${Bucket}/movies/film.bin`);

    const got = await s3.send(new GetObjectCommand({ Bucket, Key }));
    expect(got).toMatchObject({ ContentLength: whole.length, ContentType: 'video/mp4', Metadata: { camera: 'x100' }, ETag: done.ETag });
    expect(md5(await bytesOf(got))).toBe(md5(whole));

    const across = await s3.send(new GetObjectCommand({ Bucket, Key, Range: `bytes=${5 * MiB - 100}-${10 * MiB + 99}` }));
    expect(across.ContentRange).toBe(`bytes ${5 * MiB - 100}-${10 * MiB + 99}/${whole.length}`);
    expect((await bytesOf(across)).equals(whole.subarray(5 * MiB - 100, 10 * MiB + 100))).toBe(true);
    const tail = await s3.send(new GetObjectCommand({ Bucket, Key, Range: 'bytes=-50' }));
    expect((await bytesOf(tail)).equals(whole.subarray(-50))).toBe(true);

    const second = await s3.send(new GetObjectCommand({ Bucket, Key, PartNumber: 2 }));
    expect(second).toMatchObject({ PartsCount: 3, ContentLength: 5 * MiB, ContentRange: `bytes ${5 * MiB}-${10 * MiB - 1}/${whole.length}` });
    expect((await bytesOf(second)).equals(data[1])).toBe(true);
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key, PartNumber: 3 }));
    expect(head).toMatchObject({ PartsCount: 3, ContentLength: data[2].length });
    const beyond = await errorOf(s3.send(new GetObjectCommand({ Bucket, Key, PartNumber: 4 })));
    expect(beyond.name).toBe('InvalidPartNumber');
    expect(beyond.$metadata.httpStatusCode).toBe(416);

    const gone = await errorOf(s3.send(new ListPartsCommand({ Bucket, Key, UploadId })));
    expect(gone.name).toBe('NoSuchUpload');
  });

  it('refuses a completion with a small first part or a wrong ETag', async () => {
    const Key = 'refused';
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
    const one = await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: Buffer.from('small') }));
    const two = await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 2, Body: Buffer.from('end') }));
    const complete = (Parts: { PartNumber: number; ETag?: string }[]) =>
      errorOf(s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts } })));
    expect((await complete([{ PartNumber: 1, ETag: one.ETag }, { PartNumber: 2, ETag: two.ETag }])).name).toBe('EntityTooSmall');
    expect((await complete([{ PartNumber: 1, ETag: two.ETag }])).name).toBe('InvalidPart');
    expect((await complete([{ PartNumber: 2, ETag: two.ETag }, { PartNumber: 1, ETag: one.ETag }])).name).toBe('InvalidPartOrder');
    await s3.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId }));
  });

  it('copies a byte range of an object into a part, under copy conditions', async () => {
    const source = randomBytes(300_000);
    const put = await s3.send(new PutObjectCommand({ Bucket, Key: 'source object', Body: source }));
    const Key = 'assembled';
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
    const copy = (extra: Partial<ConstructorParameters<typeof UploadPartCopyCommand>[0]>) =>
      s3.send(new UploadPartCopyCommand({ Bucket, Key, UploadId, PartNumber: 1, CopySource: `${Bucket}/${encodeURIComponent('source object')}`, ...extra }));

    const copied = await copy({ CopySourceRange: 'bytes=1000-200999', CopySourceIfMatch: put.ETag });
    expect(copied.CopyPartResult?.ETag).toBe(`"${md5(source.subarray(1000, 201000))}"`);
    expect(copied.CopyPartResult?.LastModified).toBeInstanceOf(Date);
    expect((await errorOf(copy({ CopySourceIfNoneMatch: put.ETag }))).name).toBe('PreconditionFailed');
    expect((await errorOf(copy({ CopySourceRange: 'bytes=0-300000' }))).name).toBe('InvalidArgument');

    await s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: copied.CopyPartResult?.ETag }] } }));
    const got = await s3.send(new GetObjectCommand({ Bucket, Key }));
    expect((await bytesOf(got)).equals(source.subarray(1000, 201000))).toBe(true);
  });

  it('aborts an upload: its parts are gone', async () => {
    const Key = 'aborted';
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key }));
    await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: randomBytes(1000) }));
    const aborted = await s3.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId }));
    expect(aborted.$metadata.httpStatusCode).toBe(204);
    expect((await errorOf(s3.send(new ListPartsCommand({ Bucket, Key, UploadId })))).name).toBe('NoSuchUpload');
    expect((await errorOf(s3.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId })))).name).toBe('NoSuchUpload');
    const left = await s3.send(new ListMultipartUploadsCommand({ Bucket }));
    expect(left.Uploads ?? []).toEqual([]);
  });
});
