// POST Object (browser-based uploads) on the wire: SigV4 and SigV2 signed policies, every way a
// form can fail its policy, the success answers (204, 200, 201 PostResponse, 303 redirect), and
// a large file streamed through in constant memory.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { signPostPolicy, StsService, TOKEN_KINDS } from '@gw/auth';
import {
  blobFiles,
  childNames,
  createBucket,
  Credentials,
  objectRows,
  parseXmlDocument,
  s3Error,
  send,
  startS3Harness,
  S3Harness,
  tempFiles,
  textOf,
  WireResponse,
} from './s3-harness';

const BOUNDARY = '----gw-post-object-boundary';
const HOUR = 3600_000;

/** A multipart/form-data body: the fields in order, then the file (S3 wants it last), then any trailing fields. */
function formBody(fields: Record<string, string>, file: { filename: string; content: Buffer; contentType?: string } | undefined, after: Record<string, string> = {}): Buffer {
  const part = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const chunks: Buffer[] = [Buffer.from(Object.entries(fields).map(([n, v]) => part(n, v)).join(''))];
  if (file) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`));
    chunks.push(file.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(Object.entries(after).map(([n, v]) => part(n, v)).join('') + `--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

describe('S3 wire: POST Object (browser form uploads)', () => {
  let h: S3Harness;

  beforeAll(async () => {
    h = await startS3Harness();
    await createBucket(h, 'forms');
  });
  afterAll(async () => {
    await h?.close();
  });

  const expiresIn = (ms: number): string => new Date(Date.now() + ms).toISOString();

  /** The policy and signature fields of a form signed with `creds` (SigV4 unless told). */
  const signed = (conditions: unknown[], options: { creds?: Credentials; version?: 2 | 4; expiration?: string; securityToken?: string } = {}) =>
    signPostPolicy({
      policy: { expiration: options.expiration ?? expiresIn(HOUR), conditions },
      accessKeyId: (options.creds ?? h.creds).accessKey,
      secretKey: (options.creds ?? h.creds).secretKey,
      region: h.region,
      now: new Date(),
      version: options.version,
      securityToken: options.securityToken,
    });

  const post = (path: string, body: Buffer, contentType = `multipart/form-data; boundary=${BOUNDARY}`): Promise<WireResponse> =>
    send(h, 'POST', path, { anonymous: true, headers: { 'content-type': contentType }, body });

  const file = (content: string | Buffer, filename = 'photo.jpg') => ({ filename, content: Buffer.isBuffer(content) ? content : Buffer.from(content) });

  const BASIC = [{ bucket: 'forms' }, ['starts-with', '$key', 'uploads/'], ['starts-with', '$Content-Type', 'image/'], ['starts-with', '$x-amz-meta-', '']];

  describe('a form that satisfies its policy', () => {
    it('stores the file (SigV4): 204 by default, ${filename} replaced, type and metadata kept, Location and ETag', async () => {
      const fields = { key: 'uploads/${filename}', 'Content-Type': 'image/jpeg', 'x-amz-meta-uuid': '14365123651274', ...signed([...BASIC, { 'x-amz-meta-uuid': '14365123651274' }]) };
      const res = await post('/forms', formBody(fields, file('jpeg bytes', 'cat.jpg')));
      expect(res.status).toBe(204);
      expect(res.headers.etag).toBe(`"${createHash('md5').update('jpeg bytes').digest('hex')}"`);
      expect(res.headers.location).toBe(`${h.url}/forms/uploads/cat.jpg`);
      const get = await send(h, 'GET', '/forms/uploads/cat.jpg');
      expect([get.status, get.text, get.headers['content-type'], get.headers['x-amz-meta-uuid']]).toEqual([200, 'jpeg bytes', 'image/jpeg', '14365123651274']);
    });

    it('answers 201 with the PostResponse document, 200 with nothing, or 303 to success_action_redirect', async () => {
      const conditions = [{ bucket: 'forms' }, ['starts-with', '$key', 'uploads/'], ['starts-with', '$success_action_status', ''], ['starts-with', '$success_action_redirect', '']];
      const created = await post('/forms', formBody({ key: 'uploads/a b.txt', success_action_status: '201', ...signed(conditions) }, file('created')));
      expect(created.status).toBe(201);
      expect(created.headers['content-type']).toBe('application/xml');
      const doc = parseXmlDocument(created.text);
      expect(doc.name).toBe('PostResponse');
      expect(childNames(doc)).toEqual(['Location', 'Bucket', 'Key', 'ETag']);
      expect(textOf(doc, 'Location')).toBe(`${h.url}/forms/uploads/a%20b.txt`);
      expect([textOf(doc, 'Bucket'), textOf(doc, 'Key'), textOf(doc, 'ETag')]).toEqual(['forms', 'uploads/a b.txt', `"${createHash('md5').update('created').digest('hex')}"`]);

      const ok = await post('/forms', formBody({ key: 'uploads/ok.txt', success_action_status: '200', ...signed(conditions) }, file('ok')));
      expect([ok.status, ok.text]).toEqual([200, '']);

      const redirect = await post('/forms', formBody({ key: 'uploads/r.txt', success_action_redirect: 'https://app.example/done?x=1', ...signed(conditions) }, file('r')));
      expect(redirect.status).toBe(303);
      const location = new URL(String(redirect.headers.location));
      expect([location.origin + location.pathname, location.searchParams.get('x'), location.searchParams.get('bucket'), location.searchParams.get('key')]).toEqual([
        'https://app.example/done', '1', 'forms', 'uploads/r.txt',
      ]);
      expect(location.searchParams.get('etag')).toBe(`"${createHash('md5').update('r').digest('hex')}"`);
    });

    it('accepts a SigV2-signed policy (AWSAccessKeyId, signature)', async () => {
      const res = await post('/forms', formBody({ key: 'uploads/v2.txt', ...signed([{ bucket: 'forms' }, { key: 'uploads/v2.txt' }], { version: 2 }) }, file('v2 body')));
      expect(res.status).toBe(204);
      expect((await send(h, 'GET', '/forms/uploads/v2.txt')).text).toBe('v2 body');
    });

    it('applies the acl field: public-read makes the object readable anonymously', async () => {
      const res = await post('/forms', formBody({ key: 'uploads/public.txt', acl: 'public-read', ...signed([{ bucket: 'forms' }, ['starts-with', '$key', 'uploads/'], { acl: 'public-read' }]) }, file('for all')));
      expect(res.status).toBe(204);
      const anonymous = await send(h, 'GET', `/${h.accountId}:forms/uploads/public.txt`, { anonymous: true });
      expect([anonymous.status, anonymous.text]).toEqual([200, 'for all']);
      const other = await send(h, 'GET', `/${h.accountId}:forms/uploads/v2.txt`, { anonymous: true });
      expect(other.status).toBe(403);
    });

    it('ignores fields after the file, as S3 does', async () => {
      const res = await post('/forms', formBody({ key: 'uploads/first.txt', ...signed([{ bucket: 'forms' }, { key: 'uploads/first.txt' }]) }, file('first'), { key: 'uploads/other.txt', junk: 'x' }));
      expect(res.status).toBe(204);
      expect(await objectRows(h, 'forms', 'uploads/first.txt')).toBe(1);
      expect(await objectRows(h, 'forms', 'uploads/other.txt')).toBe(0);
    });

    it('encrypts at rest and says so (x-amz-server-side-encryption: AES256) by the bucket default or the form field', async () => {
      await createBucket(h, 'sealed-forms');
      const sse = `<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`;
      expect((await send(h, 'PUT', '/sealed-forms?encryption', { body: sse, headers: { 'content-md5': createHash('md5').update(sse).digest('base64') } })).status).toBe(200);
      const byDefault = await post('/sealed-forms', formBody({ key: 'a.txt', ...signed([{ bucket: 'sealed-forms' }, { key: 'a.txt' }]) }, file('sealed by default')));
      expect([byDefault.status, byDefault.headers['x-amz-server-side-encryption']]).toEqual([204, 'AES256']);
      expect((await send(h, 'HEAD', '/sealed-forms/a.txt')).headers['x-amz-server-side-encryption']).toBe('AES256');

      const conditions = [{ bucket: 'forms' }, { key: 'uploads/sealed.txt' }, { 'x-amz-server-side-encryption': 'AES256' }, ['starts-with', '$success_action_status', '']];
      const asked = await post('/forms', formBody({ key: 'uploads/sealed.txt', 'x-amz-server-side-encryption': 'AES256', success_action_status: '201', ...signed(conditions) }, file('sealed on request')));
      expect([asked.status, asked.headers['x-amz-server-side-encryption']]).toEqual([201, 'AES256']);
      expect(blobFiles(h).some((path) => readFileSync(path).includes('sealed on request'))).toBe(false);
      const get = await send(h, 'GET', '/forms/uploads/sealed.txt');
      expect([get.text, get.headers['x-amz-server-side-encryption']]).toEqual(['sealed on request', 'AES256']);

      const plain = await post('/forms', formBody({ key: 'uploads/plain.txt', ...signed([{ bucket: 'forms' }, { key: 'uploads/plain.txt' }]) }, file('plain')));
      expect([plain.status, plain.headers['x-amz-server-side-encryption']]).toEqual([204, undefined]);
    });

    it('takes temporary credentials with x-amz-security-token in the form (and in the policy)', async () => {
      const web = await h.tokens.issue({ userId: h.userId, kind: TOKEN_KINDS.authToken, ttlSeconds: 600 });
      const { credentials } = await new StsService(h.identity, h.tokens).assumeRoleWithWebIdentity({ webIdentityToken: web.token });
      const creds = { accessKey: credentials.accessKeyId, secretKey: credentials.secretAccessKey };
      const conditions = [{ bucket: 'forms' }, { key: 'uploads/temp.txt' }];
      const ok = await post('/forms', formBody({ key: 'uploads/temp.txt', ...signed(conditions, { creds, securityToken: credentials.sessionToken }) }, file('temp')));
      expect(ok.status).toBe(204);
      const without = await post('/forms', formBody({ key: 'uploads/temp.txt', ...signed(conditions, { creds }) }, file('temp')));
      expect([without.status, s3Error(without).code]).toEqual([403, 'AccessDenied']);
    });
  });

  describe('a form that fails its policy stores nothing', () => {
    const refused = async (res: WireResponse, status: number, code: string, message?: string) => {
      expect(res.status).toBe(status);
      const error = s3Error(res);
      expect(error.code).toBe(code);
      if (message !== undefined) expect(error.message).toBe(message);
    };

    it.each([
      ['an expired policy', { key: 'uploads/x.txt' }, { expiration: new Date(Date.now() - 1000).toISOString() }, 'Invalid according to Policy: Policy expired.'],
      ['a key outside the allowed prefix', { key: 'private/x.txt' }, {}, 'Invalid according to Policy: Policy Condition failed: ["starts-with", "$key", "uploads/"]'],
      ['a field the policy does not name', { key: 'uploads/x.txt', 'x-amz-meta-sneaky': 'yes', 'Cache-Control': 'no-cache' }, {}, 'Invalid according to Policy: Extra input fields: cache-control'],
    ])('%s: 403 AccessDenied', async (_name, fields, options, message) => {
      const res = await post('/forms', formBody({ ...fields, ...signed([{ bucket: 'forms' }, ['starts-with', '$key', 'uploads/'], ['starts-with', '$x-amz-meta-sneaky', '']], options) }, file('x')));
      await refused(res, 403, 'AccessDenied', message);
      expect(await objectRows(h, 'forms', String(fields.key))).toBe(0);
    });

    it('a policy made for another bucket', async () => {
      await createBucket(h, 'forms-other');
      const res = await post('/forms-other', formBody({ key: 'uploads/x.txt', ...signed([{ bucket: 'forms' }, ['starts-with', '$key', '']]) }, file('x')));
      await refused(res, 403, 'AccessDenied', 'Invalid according to Policy: Policy Condition failed: ["eq", "$bucket", "forms"]');
    });

    it('a file outside content-length-range: EntityTooLarge / EntityTooSmall, no blob kept', async () => {
      const blobsBefore = blobFiles(h).length;
      const conditions = [{ bucket: 'forms' }, ['starts-with', '$key', 'uploads/'], ['content-length-range', 10, 1024]];
      const large = await post('/forms', formBody({ key: 'uploads/large.bin', ...signed(conditions) }, file(randomBytes(4096))));
      await refused(large, 400, 'EntityTooLarge');
      expect(s3Error(large).fields.MaxSizeAllowed).toBe('1024');
      const small = await post('/forms', formBody({ key: 'uploads/small.bin', ...signed(conditions) }, file('tiny')));
      await refused(small, 400, 'EntityTooSmall');
      expect([s3Error(small).fields.ProposedSize, s3Error(small).fields.MinSizeAllowed]).toEqual(['4', '10']);
      const fits = await post('/forms', formBody({ key: 'uploads/fits.bin', ...signed(conditions) }, file(randomBytes(1024))));
      expect(fits.status).toBe(204);
      expect(await objectRows(h, 'forms', 'uploads/large.bin')).toBe(0);
      expect(await objectRows(h, 'forms', 'uploads/small.bin')).toBe(0);
      expect(blobFiles(h).length).toBe(blobsBefore + 1);
      expect(tempFiles(h)).toEqual([]);
    });

    it('a bad signature or an unknown key', async () => {
      const fields = { key: 'uploads/x.txt', ...signed([{ bucket: 'forms' }, ['starts-with', '$key', '']]) };
      await refused(await post('/forms', formBody({ ...fields, 'x-amz-signature': '0'.repeat(64) }, file('x'))), 403, 'SignatureDoesNotMatch');
      const unknown = signed([{ bucket: 'forms' }, ['starts-with', '$key', '']], { creds: { accessKey: 'NOSUCHKEY00000000000', secretKey: 'whatever-secret' } });
      await refused(await post('/forms', formBody({ key: 'uploads/x.txt', ...unknown }, file('x'))), 403, 'InvalidAccessKeyId');
    });

    it('a malformed form: no key, no file, not multipart, a broken policy, truncated multipart', async () => {
      const conditions = [{ bucket: 'forms' }, ['starts-with', '$key', '']];
      await refused(await post('/forms', formBody({ ...signed(conditions) }, file('x'))), 400, 'InvalidArgument', "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.");
      await refused(await post('/forms', formBody({ key: 'k', ...signed(conditions) }, undefined)), 400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
      const notMultipart = await post('/forms', Buffer.from('key=k'), 'application/x-www-form-urlencoded');
      await refused(notMultipart, 412, 'PreconditionFailed');
      expect(s3Error(notMultipart).fields.Condition).toBe('Bucket POST must be of the enclosure-type multipart/form-data');
      const broken = { key: 'k', ...signed(conditions), policy: Buffer.from('{"conditions": [').toString('base64') };
      // The signature is over the policy sent: re-sign the broken one so that the policy itself is what fails.
      const { createHmac } = await import('node:crypto');
      const v2 = { AWSAccessKeyId: h.creds.accessKey, policy: broken.policy, signature: createHmac('sha1', h.creds.secretKey).update(broken.policy).digest('base64') };
      await refused(await post('/forms', formBody({ key: 'k', ...v2 }, file('x'))), 400, 'InvalidPolicyDocument', 'Invalid Policy: Invalid JSON.');
      const truncated = formBody({ key: 'k', ...signed(conditions) }, undefined).subarray(0, 200);
      await refused(await post('/forms', truncated), 400, 'MalformedPOSTRequest');
    });

    it('an encryption this gateway does not offer (aws:kms, SSE-C fields): refused, nothing stored', async () => {
      const kms = [{ bucket: 'forms' }, { key: 'uploads/kms.txt' }, { 'x-amz-server-side-encryption': 'aws:kms' }];
      await refused(await post('/forms', formBody({ key: 'uploads/kms.txt', 'x-amz-server-side-encryption': 'aws:kms', ...signed(kms) }, file('x'))), 400, 'InvalidArgument');
      const customer = [{ bucket: 'forms' }, { key: 'uploads/kms.txt' }, ['starts-with', '$x-amz-server-side-encryption-customer-algorithm', '']];
      const withKey = formBody({ key: 'uploads/kms.txt', 'x-amz-server-side-encryption-customer-algorithm': 'AES256', ...signed(customer) }, file('x'));
      await refused(await post('/forms', withKey), 501, 'NotImplemented');
      expect(await objectRows(h, 'forms', 'uploads/kms.txt')).toBe(0);
    });

    it('an unsigned form is anonymous: refused by a private bucket, taken by a public-read-write one', async () => {
      await refused(await post('/forms', formBody({ key: 'anon.txt' }, file('anon'))), 403, 'AccessDenied');
      await createBucket(h, 'dropbox');
      expect((await send(h, 'PUT', '/dropbox?acl', { headers: { 'x-amz-acl': 'public-read-write' } })).status).toBe(200);
      const res = await post(`/${h.accountId}:dropbox`, formBody({ key: 'anon.txt' }, file('anon')));
      expect(res.status).toBe(204);
      expect((await send(h, 'GET', '/dropbox/anon.txt')).text).toBe('anon');
    });
  });

  it('streams a large file through in constant memory', async () => {
    // A forced GC makes the heap readings mean something; without one this test proves nothing.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const usage = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const total = 96 * 1024 * 1024;
    const chunk = randomBytes(256 * 1024);
    const md5 = createHash('md5');
    const head = formBody({ key: 'uploads/large.bin', ...signed([{ bucket: 'forms' }, { key: 'uploads/large.bin' }, ['content-length-range', 0, total]]) }, undefined);
    const preamble = Buffer.concat([
      head.subarray(0, head.length - `--${BOUNDARY}--\r\n`.length),
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="large.bin"\r\n\r\n`),
    ]);
    const epilogue = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
    const [host, port] = h.host.split(':');

    gc();
    const baseline = usage();
    let peak = 0;
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host, port: Number(port), method: 'POST', path: '/forms', headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': preamble.length + total + epilogue.length } });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.write(preamble);
      let sent = 0;
      const pump = (): void => {
        while (sent < total) {
          if (sent % (8 * 1024 * 1024) === 0) {
            gc();
            peak = Math.max(peak, usage() - baseline);
          }
          sent += chunk.length;
          md5.update(chunk);
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end(epilogue);
      };
      pump();
    });
    expect(status).toBe(204);
    expect(peak).toBeLessThan(24 * 1024 * 1024);
    const head2 = await send(h, 'HEAD', '/forms/uploads/large.bin');
    expect([head2.headers['content-length'], head2.headers.etag]).toEqual([String(total), `"${md5.digest('hex')}"`]);
  });
});
