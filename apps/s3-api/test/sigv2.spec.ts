// AWS Signature Version 2 on the wire: header and query-string authentication, the errors S3
// gives for them, Content-MD5 still verified, and temporary credentials carrying their token.
import { presignUrlV2, signRequestV2, TOKEN_KINDS } from '@gw/auth';
import { addUser, createBucket, Credentials, md5Base64, objectRows, s3Error, send, startS3Harness, S3Harness, WireResponse } from './s3-harness';

const MINUTE = 60_000;

describe('S3 wire: AWS Signature Version 2', () => {
  let h: S3Harness;

  beforeAll(async () => {
    h = await startS3Harness();
    await createBucket(h, 'sigv2');
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A V2 header-signed request: `headers` are sent and signed, the signature over `path` as sent. */
  function sendV2(method: string, path: string, options: { headers?: Record<string, string>; body?: Buffer | string; now?: Date; creds?: Credentials } = {}): Promise<WireResponse> {
    const creds = options.creds ?? h.creds;
    const headers = { ...options.headers };
    const added = signRequestV2({ method, url: h.url + path, headers, accessKeyId: creds.accessKey, secretKey: creds.secretKey, now: options.now ?? new Date() });
    return send(h, method, path, { rawHeaders: { ...headers, ...added }, body: options.body });
  }

  it('puts, reads, lists and deletes with header signing', async () => {
    const put = await sendV2('PUT', '/sigv2/dir/a%20file.txt', { headers: { 'content-type': 'text/plain', 'x-amz-meta-color': 'blue' }, body: 'hello v2' });
    expect(put.status).toBe(200);
    expect(put.headers.etag).toBe('"' + require('node:crypto').createHash('md5').update('hello v2').digest('hex') + '"');

    const get = await sendV2('GET', '/sigv2/dir/a%20file.txt');
    expect([get.status, get.text, get.headers['content-type'], get.headers['x-amz-meta-color']]).toEqual([200, 'hello v2', 'text/plain', 'blue']);

    const list = await sendV2('GET', '/sigv2?prefix=dir%2F&max-keys=10');
    expect(list.status).toBe(200);
    expect(list.text).toContain('<Key>dir/a file.txt</Key>');

    const acl = await sendV2('GET', '/sigv2?acl');
    expect(acl.status).toBe(200);
    expect(acl.text).toContain('<AccessControlPolicy');

    expect((await sendV2('DELETE', '/sigv2/dir/a%20file.txt')).status).toBe(204);
    expect(await objectRows(h, 'sigv2', 'dir/a file.txt')).toBe(0);
  });

  it('signs with x-amz-date instead of Date, in the numeric-zone form s3cmd sends', async () => {
    const amzDate = new Date().toUTCString().replace('GMT', '+0000');
    const res = await sendV2('PUT', '/sigv2/amz-date.txt', { headers: { 'x-amz-date': amzDate }, body: 'x' });
    expect(res.status).toBe(200);
  });

  it('still verifies Content-MD5: a mismatch is BadDigest and nothing is stored', async () => {
    const good = await sendV2('PUT', '/sigv2/md5.txt', { headers: { 'content-md5': md5Base64('right') }, body: 'right' });
    expect(good.status).toBe(200);
    const bad = await sendV2('PUT', '/sigv2/md5-bad.txt', { headers: { 'content-md5': md5Base64('other') }, body: 'right' });
    expect(bad.status).toBe(400);
    expect(s3Error(bad).code).toBe('BadDigest');
    expect(await objectRows(h, 'sigv2', 'md5-bad.txt')).toBe(0);
  });

  it('refuses a wrong signature with SignatureDoesNotMatch and the string to sign', async () => {
    const date = new Date().toUTCString();
    const res = await send(h, 'GET', '/sigv2/md5.txt', { rawHeaders: { date, authorization: `AWS ${h.creds.accessKey}:AAAAAAAAAAAAAAAAAAAAAAAAAAA=` } });
    expect(res.status).toBe(403);
    const error = s3Error(res);
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.fields.StringToSign).toBe(`GET\n\n\n${date}\n/sigv2/md5.txt`);
    expect(error.fields.SignatureProvided).toBe('AAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    expect(error.fields.AWSAccessKeyId).toBe(h.creds.accessKey);

    // A signature computed with another secret, or moved to another method, fails the same way.
    const forged = await sendV2('GET', '/sigv2/md5.txt', { creds: { accessKey: h.creds.accessKey, secretKey: 'not-the-secret' } });
    expect(s3Error(forged).code).toBe('SignatureDoesNotMatch');
    const headers = signRequestV2({ method: 'GET', url: `${h.url}/sigv2/md5.txt`, accessKeyId: h.creds.accessKey, secretKey: h.creds.secretKey, now: new Date() });
    const moved = await send(h, 'DELETE', '/sigv2/md5.txt', { rawHeaders: headers });
    expect(s3Error(moved).code).toBe('SignatureDoesNotMatch');
    expect(await objectRows(h, 'sigv2', 'md5.txt')).toBe(1);
  });

  it('refuses unknown keys, skewed clocks, missing dates and malformed headers as S3 does', async () => {
    const unknown = await sendV2('GET', '/sigv2/md5.txt', { creds: { accessKey: 'NOSUCHKEY0000000000', secretKey: 'x' } });
    expect([unknown.status, s3Error(unknown).code]).toEqual([403, 'InvalidAccessKeyId']);

    const skewed = await sendV2('GET', '/sigv2/md5.txt', { now: new Date(Date.now() - 16 * MINUTE) });
    expect([skewed.status, s3Error(skewed).code]).toEqual([403, 'RequestTimeTooSkewed']);

    const noDate = await send(h, 'GET', '/sigv2/md5.txt', { rawHeaders: { authorization: `AWS ${h.creds.accessKey}:c2ln` } });
    expect([noDate.status, s3Error(noDate).message]).toEqual([403, 'AWS authentication requires a valid Date or x-amz-date header']);

    const malformed = await send(h, 'GET', '/sigv2/md5.txt', { rawHeaders: { date: new Date().toUTCString(), authorization: 'AWS justakey' } });
    expect([malformed.status, s3Error(malformed).code]).toEqual([400, 'InvalidArgument']);
  });

  it('query-string authentication: a presigned GET works until it expires', async () => {
    const url = presignUrlV2({ method: 'GET', url: `${h.url}/sigv2/md5.txt?response-content-type=text%2Fx-test`, accessKeyId: h.creds.accessKey, secretKey: h.creds.secretKey, expires: new Date(Date.now() + MINUTE) });
    const ok = await send(h, 'GET', url.slice(h.url.length), { anonymous: true });
    expect([ok.status, ok.text]).toEqual([200, 'right']);

    const expired = presignUrlV2({ method: 'GET', url: `${h.url}/sigv2/md5.txt`, accessKeyId: h.creds.accessKey, secretKey: h.creds.secretKey, expires: new Date(Date.now() - 1000) });
    const res = await send(h, 'GET', expired.slice(h.url.length), { anonymous: true });
    expect(res.status).toBe(403);
    expect([s3Error(res).code, s3Error(res).message]).toEqual(['AccessDenied', 'Request has expired']);

    const tampered = await send(h, 'GET', url.slice(h.url.length).replace('md5.txt', 'amz-date.txt'), { anonymous: true });
    expect(s3Error(tampered).code).toBe('SignatureDoesNotMatch');
  });

  it('the access decision applies: a reader signing with V2 reads but does not write', async () => {
    const reader = await addUser(h, 'reader', 'v2-reader');
    expect((await sendV2('GET', '/sigv2/md5.txt', { creds: reader })).status).toBe(200);
    const put = await sendV2('PUT', '/sigv2/by-reader.txt', { creds: reader, body: 'no' });
    expect([put.status, s3Error(put).code]).toEqual([403, 'AccessDenied']);
  });

  it('temporary credentials sign V2 requests with their session token in x-amz-security-token', async () => {
    const { token } = await h.tokens.issue({ userId: h.userId, kind: TOKEN_KINDS.authToken, ttlSeconds: 600 });
    const { StsService } = await import('@gw/auth');
    const role = await new StsService(h.identity, h.tokens).assumeRoleWithWebIdentity({ webIdentityToken: token });
    const temp = { accessKey: role.credentials.accessKeyId, secretKey: role.credentials.secretAccessKey };
    const withToken = await sendV2('GET', '/sigv2/md5.txt', { creds: temp, headers: { 'x-amz-security-token': role.credentials.sessionToken } });
    expect([withToken.status, withToken.text]).toEqual([200, 'right']);
    const without = await sendV2('GET', '/sigv2/md5.txt', { creds: temp });
    expect([without.status, s3Error(without).code]).toEqual([403, 'AccessDenied']);
  });
});
