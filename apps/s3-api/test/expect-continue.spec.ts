// Expect: 100-continue on the S3 wire: an upload the gateway will accept gets `100 Continue`
// and then its answer; one it refuses (bad signature, no permission, missing bucket) gets the
// final error without 100, so the client never sends the body, and the connection is closed.
// Presigned URLs, aws-chunked bodies and POST Object forms (credentials in the body) still work.
import { presignUrl, signPostPolicy, STREAMING_UNSIGNED_TRAILER } from '@gw/auth';
import { sendExpectingContinue } from '@gw/http/testing';
import { addUser, createBucket, objectRows, S3Harness, send, sign, startS3Harness } from './s3-harness';

describe('S3 wire: Expect: 100-continue', () => {
  let h: S3Harness;
  const server = () => ({ host: '127.0.0.1', port: Number(h.host.split(':')[1]) });
  const BODY = Buffer.alloc(256 * 1024, 'b');

  beforeAll(async () => {
    h = await startS3Harness();
    await createBucket(h, 'continued');
  });
  afterAll(async () => {
    await h?.close();
  });

  const put = (path: string, headers: Record<string, string>, body: Buffer = BODY) => sendExpectingContinue(server(), { method: 'PUT', path, headers, body });

  it('an authorized PUT gets 100 Continue, then 200, and the object is stored', async () => {
    const res = await put('/continued/ok.bin', sign(h, 'PUT', '/continued/ok.bin', { body: BODY }));
    expect(res).toMatchObject({ continued: true, status: 200, closedByServer: false });
    expect((await send(h, 'GET', '/continued/ok.bin')).body.equals(BODY)).toBe(true);
  });

  it('a bad signature is 403 SignatureDoesNotMatch without 100, and the connection is closed', async () => {
    const headers = sign(h, 'PUT', '/continued/forged.bin', { body: BODY });
    headers.authorization = headers.authorization.replace(/Signature=(.)/, (_all, c: string) => `Signature=${c === '0' ? '1' : '0'}`);
    const res = await put('/continued/forged.bin', headers);
    expect(res).toMatchObject({ continued: false, status: 403, closedByServer: true });
    expect(res.headers.connection).toBe('close');
    expect(res.body).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect(await objectRows(h, 'continued', 'forged.bin')).toBe(0);
  });

  it('a user without write permission is 403 AccessDenied without 100', async () => {
    const reader = await addUser(h, 'reader', 'continue-reader');
    const res = await put('/continued/denied.bin', sign(h, 'PUT', '/continued/denied.bin', { body: BODY, creds: reader }));
    expect(res).toMatchObject({ continued: false, status: 403, closedByServer: true });
    expect(res.body).toContain('<Code>AccessDenied</Code>');
  });

  it('a missing bucket is 404 NoSuchBucket without 100', async () => {
    const res = await put('/no-such-bucket/x.bin', sign(h, 'PUT', '/no-such-bucket/x.bin', { body: BODY }));
    expect(res).toMatchObject({ continued: false, status: 404, closedByServer: true });
    expect(res.body).toContain('<Code>NoSuchBucket</Code>');
  });

  it('a presigned PUT gets 100 Continue and stores the body', async () => {
    const url = presignUrl({ method: 'PUT', url: `${h.url}/continued/presigned.bin`, accessKeyId: h.creds.accessKey, secretKey: h.creds.secretKey, region: h.region, service: 's3', expiresSeconds: 300, now: new Date() });
    const res = await put(url.slice(h.url.length), {});
    expect(res).toMatchObject({ continued: true, status: 200 });
    expect((await send(h, 'GET', '/continued/presigned.bin')).body.equals(BODY)).toBe(true);
  });

  it('an expired presigned PUT is 403 without 100', async () => {
    const url = presignUrl({ method: 'PUT', url: `${h.url}/continued/late.bin`, accessKeyId: h.creds.accessKey, secretKey: h.creds.secretKey, region: h.region, service: 's3', expiresSeconds: 60, now: new Date(Date.now() - 600_000) });
    const res = await put(url.slice(h.url.length), {});
    expect(res).toMatchObject({ continued: false, status: 403 });
  });

  it('an aws-chunked (STREAMING-UNSIGNED-PAYLOAD-TRAILER) PUT gets 100 Continue and stores the decoded body', async () => {
    const data = Buffer.from('chunked after continue');
    const framed = Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n0\r\n\r\n')]);
    const headers = sign(h, 'PUT', '/continued/chunked.bin', {
      headers: { 'content-encoding': 'aws-chunked', 'x-amz-decoded-content-length': String(data.length) },
      payloadHash: STREAMING_UNSIGNED_TRAILER,
    });
    const res = await put('/continued/chunked.bin', headers, framed);
    expect(res).toMatchObject({ continued: true, status: 200 });
    expect((await send(h, 'GET', '/continued/chunked.bin')).text).toBe(data.toString());
  });

  it('a POST Object form gets 100 Continue (its credentials are in the body) and is stored', async () => {
    const boundary = '----continue-form';
    const fields: Record<string, string> = {
      key: 'form.txt',
      ...signPostPolicy({
        policy: { expiration: new Date(Date.now() + 3600_000).toISOString(), conditions: [{ bucket: 'continued' }, ['eq', '$key', 'form.txt']] },
        accessKeyId: h.creds.accessKey,
        secretKey: h.creds.secretKey,
        region: h.region,
        now: new Date(),
      }),
    };
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const form = Buffer.from(
      Object.entries(fields).map(([n, v]) => part(n, v)).join('') +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="form.txt"\r\n\r\nform body\r\n--${boundary}--\r\n`,
    );
    const res = await sendExpectingContinue(server(), { method: 'POST', path: '/continued', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: form });
    expect(res).toMatchObject({ continued: true, status: 204 });
    expect((await send(h, 'GET', '/continued/form.txt')).text).toBe('form body');
  });
});
