// Multipart uploads on the wire: the documents of CreateMultipartUpload, ListParts,
// ListMultipartUploads, CompleteMultipartUpload and UploadPartCopy; part ETags and the
// multipart ETag; GET and HEAD with partNumber; the errors S3 names; nothing left behind by
// abort and complete once the collector ran.
import { createHash, randomBytes } from 'node:crypto';
import {
  addUser,
  all,
  blobFiles,
  childNames,
  createBucket,
  md5Base64,
  md5Hex,
  parseXmlDocument,
  putObject,
  s3Error,
  send,
  startS3Harness,
  S3Harness,
  textOf,
  WireResponse,
  XmlElement,
} from './s3-harness';

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const MiB = 1024 * 1024;
const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('S3 wire: multipart uploads', () => {
  let h: S3Harness;
  // Two 5 MiB parts and a small last one: the object the happy path builds.
  const data = [randomBytes(5 * MiB), randomBytes(5 * MiB), randomBytes(100_000)];
  const whole = Buffer.concat(data);

  beforeAll(async () => {
    h = await startS3Harness();
    await createBucket(h, 'mpu');
  });
  afterAll(async () => {
    await h?.close();
  });

  function xml(res: WireResponse, root: string): XmlElement {
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml');
    const doc = parseXmlDocument(res.text);
    expect(doc.name).toBe(root);
    expect(doc.attributes).toEqual({ xmlns: NS });
    return doc;
  }

  async function initiate(key: string, headers: Record<string, string> = {}): Promise<string> {
    const doc = xml(await send(h, 'POST', `/mpu/${key}?uploads`, { headers }), 'InitiateMultipartUploadResult');
    expect(childNames(doc)).toEqual(['Tenant', 'Bucket', 'Key', 'UploadId']);
    expect(textOf(doc, 'Tenant')).toBe(h.accountId);
    expect(textOf(doc, 'Bucket')).toBe('mpu');
    expect(textOf(doc, 'Key')).toBe(key);
    return textOf(doc, 'UploadId')!;
  }

  async function uploadPart(key: string, uploadId: string, partNumber: number, body: Buffer | string): Promise<string> {
    const res = await send(h, 'PUT', `/mpu/${key}?partNumber=${partNumber}&uploadId=${uploadId}`, { body, headers: { 'content-md5': md5Base64(body) } });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe(`"${md5Hex(body)}"`);
    return res.headers.etag as string;
  }

  const completeBody = (parts: [number, string][]) =>
    `<CompleteMultipartUpload xmlns="${NS}">${parts.map(([n, etag]) => `<Part><PartNumber>${n}</PartNumber><ETag>${etag}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
  const complete = (key: string, uploadId: string, parts: [number, string][]) =>
    send(h, 'POST', `/mpu/${key}?uploadId=${uploadId}`, { body: completeBody(parts) });

  describe('the whole journey', () => {
    let uploadId: string;
    let etags: string[];

    it('initiates an upload with an opaque id and stores parts with MD5 ETags', async () => {
      uploadId = await initiate('video.bin', { 'content-type': 'video/mp4', 'x-amz-meta-camera': 'x100' });
      expect(uploadId).toMatch(/^[0-9a-f]{32}$/);
      etags = [];
      for (let i = 0; i < data.length; i++) etags.push(await uploadPart('video.bin', uploadId, i + 1, data[i]));
    });

    it('lists the parts a page at a time', async () => {
      const first = xml(await send(h, 'GET', `/mpu/video.bin?uploadId=${uploadId}&max-parts=2`), 'ListPartsResult');
      expect(childNames(first)).toEqual([
        'Tenant', 'Bucket', 'Key', 'UploadId', 'StorageClass',
        'PartNumberMarker', 'NextPartNumberMarker', 'MaxParts', 'IsTruncated', 'Initiator', 'Owner', 'Part', 'Part',
      ]);
      expect(textOf(first, 'UploadId')).toBe(uploadId);
      expect(textOf(first, 'IsTruncated')).toBe('true');
      expect(textOf(first, 'NextPartNumberMarker')).toBe('2');
      const [part] = all(first, 'Part');
      expect(childNames(part)).toEqual(['PartNumber', 'LastModified', 'ETag', 'Size']);
      expect(textOf(part, 'ETag')).toBe(etags[0]);
      expect(textOf(part, 'Size')).toBe(String(5 * MiB));
      expect(textOf(part, 'LastModified')).toMatch(ISO_MS);
      const owner = all(first, 'Owner')[0];
      expect(textOf(owner, 'ID')).toBe(h.userId);

      const rest = xml(await send(h, 'GET', `/mpu/video.bin?uploadId=${uploadId}&part-number-marker=2`), 'ListPartsResult');
      expect(all(rest, 'Part').map((p) => textOf(p, 'PartNumber'))).toEqual(['3']);
      expect(textOf(rest, 'IsTruncated')).toBe('false');
      expect(s3Error(await send(h, 'GET', `/mpu/video.bin?uploadId=${uploadId}&part-number-marker=x`)).code).toBe('InvalidArgument');
    });

    it('lists the upload among the uploads of the bucket', async () => {
      const doc = xml(await send(h, 'GET', '/mpu?uploads'), 'ListMultipartUploadsResult');
      expect(childNames(doc).slice(0, 10)).toEqual([
        'Tenant', 'Bucket', 'KeyMarker', 'UploadIdMarker', 'NextKeyMarker', 'NextUploadIdMarker', 'Prefix', 'MaxUploads', 'IsTruncated', 'Upload',
      ]);
      const upload = all(doc, 'Upload').find((u) => textOf(u, 'UploadId') === uploadId)!;
      expect(childNames(upload)).toEqual(['Key', 'UploadId', 'Initiator', 'Owner', 'StorageClass', 'Initiated']);
      expect(textOf(upload, 'Key')).toBe('video.bin');
      expect(textOf(upload, 'Initiated')).toMatch(ISO_MS);
    });

    it('completes with quoted and unquoted ETags into the md5-of-md5s ETag', async () => {
      const res = await complete('video.bin', uploadId, [
        [1, etags[0]],
        [2, etags[1].replace(/"/g, '')],
        [3, etags[2]],
      ]);
      const doc = xml(res, 'CompleteMultipartUploadResult');
      expect(childNames(doc)).toEqual(['Location', 'Tenant', 'Bucket', 'Key', 'ETag']);
      const byHand = createHash('md5')
        .update(Buffer.concat(data.map((d) => createHash('md5').update(d).digest())))
        .digest('hex');
      expect(textOf(doc, 'ETag')).toBe(`"${byHand}-3"`);
      expect(textOf(doc, 'Location')).toBe(`${h.url}/mpu/video.bin`);
      expect(textOf(doc, 'Key')).toBe('video.bin');
      expect(s3Error(await send(h, 'GET', `/mpu/video.bin?uploadId=${uploadId}`)).code).toBe('NoSuchUpload');
    });

    it('serves the object whole, in ranges across part boundaries, and part by part', async () => {
      const got = await send(h, 'GET', '/mpu/video.bin');
      expect(got.status).toBe(200);
      expect(md5Hex(got.body)).toBe(md5Hex(whole));
      expect(got.headers['content-type']).toBe('video/mp4');
      expect(got.headers['x-amz-meta-camera']).toBe('x100');
      expect(got.headers['x-amz-mp-parts-count']).toBe('3');

      const across = await send(h, 'GET', '/mpu/video.bin', { headers: { range: `bytes=${5 * MiB - 3}-${10 * MiB + 2}` } });
      expect(across.status).toBe(206);
      expect(across.body.equals(whole.subarray(5 * MiB - 3, 10 * MiB + 3))).toBe(true);

      const second = await send(h, 'GET', '/mpu/video.bin?partNumber=2');
      expect(second.status).toBe(206);
      expect(second.headers['content-range']).toBe(`bytes ${5 * MiB}-${10 * MiB - 1}/${whole.length}`);
      expect(second.headers['content-length']).toBe(String(5 * MiB));
      expect(second.headers['x-amz-mp-parts-count']).toBe('3');
      expect(second.body.equals(data[1])).toBe(true);

      const head = await send(h, 'HEAD', '/mpu/video.bin?partNumber=3');
      expect(head.status).toBe(206);
      expect(head.headers['content-range']).toBe(`bytes ${10 * MiB}-${whole.length - 1}/${whole.length}`);
      expect(head.body.length).toBe(0);
    });

    it('refuses part numbers the object does not have, bad ones, and a part number with a Range', async () => {
      const beyond = await send(h, 'GET', '/mpu/video.bin?partNumber=4');
      expect(beyond.status).toBe(416);
      expect(s3Error(beyond).code).toBe('InvalidPartNumber');
      for (const value of ['0', '10001', 'x']) {
        const res = await send(h, 'GET', `/mpu/video.bin?partNumber=${value}`);
        expect(res.status).toBe(400);
        expect(s3Error(res).code).toBe('InvalidArgument');
      }
      const both = await send(h, 'GET', '/mpu/video.bin?partNumber=1', { headers: { range: 'bytes=0-1' } });
      expect(s3Error(both).code).toBe('InvalidRequest');
    });
  });

  it('serves part 1 of a simple object as the whole object', async () => {
    await putObject(h, 'mpu', 'simple.txt', 'just one part');
    const res = await send(h, 'GET', '/mpu/simple.txt?partNumber=1');
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe('bytes 0-12/13');
    expect(res.text).toBe('just one part');
    expect(s3Error(await send(h, 'GET', '/mpu/simple.txt?partNumber=2')).code).toBe('InvalidPartNumber');
  });

  it('refuses a bad part list: order, unknown parts, small parts, malformed documents', async () => {
    const uploadId = await initiate('bad');
    const small = await uploadPart('bad', uploadId, 1, 'too small to be first');
    const last = await uploadPart('bad', uploadId, 2, 'last');
    const cases: [string, WireResponse, number][] = [
      ['InvalidPartOrder', await complete('bad', uploadId, [[2, last], [1, small]]), 400],
      ['InvalidPart', await complete('bad', uploadId, [[1, small], [3, last]]), 400],
      ['InvalidPart', await complete('bad', uploadId, [[1, `"${md5Hex('other')}"`]]), 400],
      ['EntityTooSmall', await complete('bad', uploadId, [[1, small], [2, last]]), 400],
      ['MalformedXML', await send(h, 'POST', `/mpu/bad?uploadId=${uploadId}`, { body: '<CompleteMultipartUpload/>' }), 400],
      ['MalformedXML', await send(h, 'POST', `/mpu/bad?uploadId=${uploadId}`, { body: 'not xml' }), 400],
      ['MalformedXML', await send(h, 'POST', `/mpu/bad?uploadId=${uploadId}`, { body: completeBody([[NaN, small]]) }), 400],
      ['NoSuchUpload', await complete('bad', 'f'.repeat(32), [[1, small]]), 404],
      ['NoSuchUpload', await complete('other-key', uploadId, [[1, small]]), 404],
    ];
    for (const [code, res, status] of cases) {
      expect([code, res.status]).toEqual([code, status]);
      expect(s3Error(res).code).toBe(code);
    }
    const tooSmall = s3Error(cases[3][1]);
    expect(tooSmall.fields).toMatchObject({ ProposedSize: String(Buffer.byteLength('too small to be first')), MinSizeAllowed: String(5 * MiB) });
    // The upload survived every refusal.
    expect(xml(await send(h, 'GET', `/mpu/bad?uploadId=${uploadId}`), 'ListPartsResult').children.filter((c) => c.name === 'Part')).toHaveLength(2);
  });

  it('refuses part numbers outside 1..10000 and parts of unknown uploads', async () => {
    const uploadId = await initiate('numbers');
    for (const n of ['0', '10001', '-1', 'one']) {
      const res = await send(h, 'PUT', `/mpu/numbers?partNumber=${n}&uploadId=${uploadId}`, { body: 'x' });
      expect(s3Error(res).code).toBe('InvalidArgument');
    }
    const unknown = await send(h, 'PUT', `/mpu/numbers?partNumber=1&uploadId=${'a'.repeat(32)}`, { body: 'x' });
    expect(unknown.status).toBe(404);
    expect(s3Error(unknown).code).toBe('NoSuchUpload');
    const badDigest = await send(h, 'PUT', `/mpu/numbers?partNumber=1&uploadId=${uploadId}`, { body: 'x', headers: { 'content-md5': md5Base64('y') } });
    expect(s3Error(badDigest).code).toBe('BadDigest');
  });

  it('copies a range of an object into a part, with copy conditions', async () => {
    const source = randomBytes(50_000);
    const put = await putObject(h, 'mpu', 'source.bin', source);
    const uploadId = await initiate('copied');
    const copy = (headers: Record<string, string>, partNumber = 1) =>
      send(h, 'PUT', `/mpu/copied?partNumber=${partNumber}&uploadId=${uploadId}`, { headers: { 'x-amz-copy-source': '/mpu/source.bin', ...headers } });

    const res = await copy({ 'x-amz-copy-source-range': 'bytes=100-20099', 'x-amz-copy-source-if-match': put.headers.etag as string });
    const doc = xml(res, 'CopyPartResult');
    expect(childNames(doc)).toEqual(['LastModified', 'ETag']);
    expect(textOf(doc, 'ETag')).toBe(`"${md5Hex(source.subarray(100, 20100))}"`);
    expect(textOf(doc, 'LastModified')).toMatch(ISO_MS);
    // The other spelling of the source, URL-encoded, without the leading slash.
    const whole = xml(await copy({ 'x-amz-copy-source': 'mpu/source%2Ebin' }, 2), 'CopyPartResult');
    expect(textOf(whole, 'ETag')).toBe(put.headers.etag);

    expect(s3Error(await copy({ 'x-amz-copy-source-if-none-match': put.headers.etag as string })).code).toBe('PreconditionFailed');
    expect(s3Error(await copy({ 'x-amz-copy-source-if-unmodified-since': 'Mon, 01 Jan 2001 00:00:00 GMT' })).code).toBe('PreconditionFailed');
    expect(s3Error(await copy({ 'x-amz-copy-source-range': 'bytes=0-50000' })).code).toBe('InvalidArgument');
    expect(s3Error(await copy({ 'x-amz-copy-source-range': 'bytes=10-' })).code).toBe('InvalidArgument');
    expect(s3Error(await copy({ 'x-amz-copy-source': '/mpu/missing' })).code).toBe('NoSuchKey');
    expect(s3Error(await copy({ 'x-amz-copy-source': '/no-such-bucket/k' })).code).toBe('NoSuchBucket');
    expect(s3Error(await copy({ 'x-amz-copy-source': 'nokey' })).code).toBe('InvalidArgument');

    const done = xml(await complete('copied', uploadId, [[1, textOf(doc, 'ETag')!]]), 'CompleteMultipartUploadResult');
    expect(textOf(done, 'ETag')).toMatch(/-1"$/);
    expect((await send(h, 'GET', '/mpu/copied')).body.equals(source.subarray(100, 20100))).toBe(true);
  });

  it('pages through the uploads of a bucket by key, prefix and delimiter', async () => {
    await createBucket(h, 'many-uploads');
    const start = (key: string) => send(h, 'POST', `/many-uploads/${key}?uploads`).then((r) => textOf(parseXmlDocument(r.text), 'UploadId')!);
    const ids = { a1: await start('a/1'), a2: await start('a/2'), b: await start('b'), c: await start('c') };
    const list = async (query: string) => xml(await send(h, 'GET', `/many-uploads?uploads&${query}`), 'ListMultipartUploadsResult');
    const keys = (doc: XmlElement) => all(doc, 'Upload').map((u) => textOf(u, 'Key'));

    const page = await list('max-uploads=2');
    expect(keys(page)).toEqual(['a/1', 'a/2']);
    expect([textOf(page, 'IsTruncated'), textOf(page, 'NextKeyMarker'), textOf(page, 'NextUploadIdMarker')]).toEqual(['true', 'a/2', ids.a2]);
    const next = await list(`max-uploads=2&key-marker=a/2&upload-id-marker=${ids.a2}`);
    expect(keys(next)).toEqual(['b', 'c']);
    expect(textOf(next, 'IsTruncated')).toBe('false');

    const rolled = await list('delimiter=/');
    expect(all(rolled, 'CommonPrefixes').map((p) => textOf(p, 'Prefix'))).toEqual(['a/']);
    expect(keys(rolled)).toEqual(['b', 'c']);
    expect(textOf(rolled, 'Delimiter')).toBe('/');
    expect(keys(await list('prefix=a/'))).toEqual(['a/1', 'a/2']);

    // An upload keeps its bucket from being deleted.
    expect(s3Error(await send(h, 'DELETE', '/many-uploads')).code).toBe('BucketNotEmpty');
    for (const [key, id] of [['a/1', ids.a1], ['a/2', ids.a2], ['b', ids.b], ['c', ids.c]]) {
      expect((await send(h, 'DELETE', `/many-uploads/${key}?uploadId=${id}`)).status).toBe(204);
    }
    expect((await send(h, 'DELETE', '/many-uploads')).status).toBe(204);
  });

  it('aborts: 204, the upload is gone, and the collector removes every part blob', async () => {
    await createBucket(h, 'aborting');
    await h.storage.gc.drain(); // what earlier tests released goes first: the count below is this test's
    const filesBefore = blobFiles(h).length;
    const uploadId = textOf(parseXmlDocument((await send(h, 'POST', '/aborting/k?uploads')).text), 'UploadId')!;
    for (const n of [1, 2]) expect((await send(h, 'PUT', `/aborting/k?partNumber=${n}&uploadId=${uploadId}`, { body: `part ${n}` })).status).toBe(200);
    expect(blobFiles(h).length).toBe(filesBefore + 2);
    const res = await send(h, 'DELETE', `/aborting/k?uploadId=${uploadId}`);
    expect(res.status).toBe(204);
    expect(res.body.length).toBe(0);
    expect(s3Error(await send(h, 'DELETE', `/aborting/k?uploadId=${uploadId}`)).code).toBe('NoSuchUpload');
    await h.storage.gc.drain();
    expect(blobFiles(h).length).toBe(filesBefore);
  });

  it('gives the completed object the tags, ACL and checksum algorithm asked at creation', async () => {
    const uploadId = await initiate('dressed', {
      'x-amz-tagging': 'project=alpha&stage=draft%20one',
      'x-amz-acl': 'public-read',
      'x-amz-checksum-algorithm': 'CRC32',
    });
    const part = await send(h, 'PUT', `/mpu/dressed?partNumber=1&uploadId=${uploadId}`, { body: 'dressed bytes' });
    expect(part.headers['x-amz-checksum-crc32']).toMatch(/^[A-Za-z0-9+/]{6}==$/);
    const listed = xml(await send(h, 'GET', `/mpu/dressed?uploadId=${uploadId}`), 'ListPartsResult');
    expect(textOf(listed, 'ChecksumAlgorithm')).toBe('CRC32');
    expect(textOf(all(listed, 'Part')[0], 'ChecksumCRC32')).toBe(part.headers['x-amz-checksum-crc32']);

    const done = xml(await complete('dressed', uploadId, [[1, part.headers.etag as string]]), 'CompleteMultipartUploadResult');
    expect(textOf(done, 'ChecksumCRC32')).toMatch(/^[A-Za-z0-9+/]{6}==-1$/);
    const head = await send(h, 'HEAD', '/mpu/dressed');
    expect(head.headers['x-amz-tagging-count']).toBe('2');
    const anonymous = await send(h, 'GET', `/${h.accountId}:mpu/dressed`, { anonymous: true });
    expect([anonymous.status, anonymous.text]).toEqual([200, 'dressed bytes']);

    const badTags = await send(h, 'POST', '/mpu/x?uploads', { headers: { 'x-amz-tagging': 'aws:reserved=1' } });
    expect(badTags.status).toBe(400);
    expect(s3Error(await send(h, 'POST', '/mpu/x?uploads', { headers: { 'x-amz-checksum-algorithm': 'MD4' } })).code).toBe('InvalidRequest');
  });

  it('lets only writers upload', async () => {
    const reader = await addUser(h, 'reader', 'mp-reader');
    const res = await send(h, 'POST', '/mpu/by-reader?uploads', { creds: reader });
    expect(res.status).toBe(403);
    expect(s3Error(res).code).toBe('AccessDenied');
  });
});
