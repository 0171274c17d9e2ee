import { parseSigV2 } from './parse-sigv2';
import { presignUrlV2, signRequestV2 } from './sign-request-v2';
import { canonicalAmzHeaders, canonicalResource } from './string-to-sign';
import type { SigV2Request } from './types';
import { verifySigV2 } from './verify-sigv2';

const NOW = new Date('2026-11-22T10:00:00Z');
const base = (headers: Record<string, string>, rawQuery = ''): SigV2Request => ({ method: 'GET', rawPath: '/b/k', rawQuery, headers });

describe('canonicalResource', () => {
  it('keeps only sub-resources, sorted by name, values decoded, flags without "="', () => {
    expect(canonicalResource('/b/k', 'uploadId=abc&partNumber=2&x-id=UploadPart')).toBe('/b/k?partNumber=2&uploadId=abc');
    expect(canonicalResource('/b/k', 'response-content-type=text%2Fplain&versionId=v1')).toBe('/b/k?response-content-type=text/plain&versionId=v1');
    expect(canonicalResource('/b', 'delete&prefix=a')).toBe('/b?delete');
    expect(canonicalResource('/b', 'list-type=2&max-keys=10')).toBe('/b');
  });

  it('puts the Host-named bucket before the path', () => {
    expect(canonicalResource('/', '', 'bucket')).toBe('/bucket/');
    expect(canonicalResource('/a%20b', 'acl', 'bucket')).toBe('/bucket/a%20b?acl');
  });
});

describe('canonicalAmzHeaders', () => {
  it('lowercases, sorts, joins repeats with a comma in the order sent, unfolds and trims', () => {
    const raw = ['X-Amz-Meta-B', ' two ', 'x-amz-meta-a', 'one', 'X-AMZ-META-B', 'three\r\n  folded', 'Content-Type', 'text/plain'];
    expect(canonicalAmzHeaders({}, raw)).toBe('x-amz-meta-a:one\nx-amz-meta-b:two,three folded\n');
    expect(canonicalAmzHeaders({ 'x-amz-acl': 'private', host: 'h' })).toBe('x-amz-acl:private\n');
  });
});

describe('parseSigV2', () => {
  it('is null for SigV4 and anonymous requests', () => {
    expect(parseSigV2(base({}), NOW)).toBeNull();
    expect(parseSigV2(base({ authorization: 'AWS4-HMAC-SHA256 Credential=a/20261122/r/s3/aws4_request, SignedHeaders=host, Signature=00' }), NOW)).toBeNull();
    expect(parseSigV2(base({}, 'X-Amz-Algorithm=AWS4-HMAC-SHA256'), NOW)).toBeNull();
  });

  it('refuses a malformed header, a missing or bad date, a skewed clock', () => {
    const date = NOW.toUTCString();
    expect(() => parseSigV2(base({ authorization: 'AWS nocolon', date }), NOW)).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    expect(() => parseSigV2(base({ authorization: 'AWS :sig', date }), NOW)).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    expect(() => parseSigV2(base({ authorization: 'AWS', date }), NOW)).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    expect(() => parseSigV2(base({ authorization: 'AWS AK:sig' }), NOW)).toThrow(
      expect.objectContaining({ code: 'AccessDenied', message: 'AWS authentication requires a valid Date or x-amz-date header' }),
    );
    expect(() => parseSigV2(base({ authorization: 'AWS AK:sig', date: 'yesterday' }), NOW)).toThrow(expect.objectContaining({ code: 'AccessDenied' }));
    const skewed = new Date(NOW.getTime() - 16 * 60 * 1000).toUTCString();
    expect(() => parseSigV2(base({ authorization: 'AWS AK:sig', date: skewed }), NOW)).toThrow(expect.objectContaining({ code: 'RequestTimeTooSkewed' }));
    const within = new Date(NOW.getTime() + 14 * 60 * 1000).toUTCString();
    expect(parseSigV2(base({ authorization: 'AWS AK:sig', date: within }), NOW)).toMatchObject({ dateElement: within });
  });

  it('takes x-amz-date over Date (numeric zone as s3cmd sends it) and then signs an empty date line', () => {
    const parsed = parseSigV2(base({ authorization: 'AWS AK:sig', date: 'Mon, 01 Jan 2001 00:00:00 GMT', 'x-amz-date': 'Sun, 22 Nov 2026 10:05:00 +0000' }), NOW);
    expect(parsed).toMatchObject({ accessKeyId: 'AK', signature: 'sig', dateElement: '' });
  });

  it('refuses two mechanisms at once and incomplete query credentials', () => {
    expect(() => parseSigV2(base({ authorization: 'AWS AK:sig', date: NOW.toUTCString() }, 'AWSAccessKeyId=AK&Signature=s&Expires=1'), NOW)).toThrow(
      expect.objectContaining({ code: 'InvalidArgument' }),
    );
    expect(() => parseSigV2(base({ authorization: 'AWS AK:sig', date: NOW.toUTCString() }, 'X-Amz-Algorithm=AWS4-HMAC-SHA256'), NOW)).toThrow(
      expect.objectContaining({ code: 'InvalidArgument' }),
    );
    expect(() => parseSigV2(base({}, 'AWSAccessKeyId=AK&Signature=s'), NOW)).toThrow(
      expect.objectContaining({ code: 'AccessDenied', message: 'Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters' }),
    );
    expect(() => parseSigV2(base({}, 'AWSAccessKeyId=AK&Signature=s&Expires=soon'), NOW)).toThrow(expect.objectContaining({ code: 'AccessDenied' }));
  });

  it('reads the session token from the header or the query', () => {
    expect(parseSigV2(base({ authorization: 'AWS AK:sig', date: NOW.toUTCString(), 'x-amz-security-token': 'tok' }), NOW)?.securityToken).toBe('tok');
    const expires = Math.floor(NOW.getTime() / 1000) + 60;
    expect(parseSigV2(base({}, `AWSAccessKeyId=AK&Signature=s&Expires=${expires}&x-amz-security-token=t%2Bk`), NOW)?.securityToken).toBe('t+k');
  });
});

describe('client signers round-trip through the verifier', () => {
  const creds = { accessKeyId: 'AKID', secretKey: 'secret-key-0123' };

  it('header signing, path and virtual-host style', () => {
    for (const [url, hostBucket, rawPath] of [
      ['http://127.0.0.1:9000/bucket/a%20key?uploadId=u&partNumber=3', undefined, '/bucket/a%20key'],
      ['http://bucket.s3.local:9000/a%20key?uploadId=u&partNumber=3', 'bucket', '/a%20key'],
    ] as const) {
      const headers = { 'content-type': 'text/plain', 'x-amz-meta-color': 'blue' };
      const added = signRequestV2({ method: 'PUT', url, headers, ...creds, now: NOW, hostBucket });
      const req: SigV2Request = { method: 'PUT', rawPath, rawQuery: 'uploadId=u&partNumber=3', headers: { ...headers, ...added }, hostBucket };
      const parsed = parseSigV2(req, NOW)!;
      expect(() => verifySigV2(req, parsed, creds.secretKey)).not.toThrow();
      const tampered = { ...req, headers: { ...req.headers, 'x-amz-meta-color': 'red' } };
      expect(() => verifySigV2(tampered, parsed, creds.secretKey)).toThrow(expect.objectContaining({ code: 'SignatureDoesNotMatch' }));
      // The same signature does not carry over to another bucket.
      expect(() => verifySigV2({ ...req, hostBucket: undefined, rawPath: '/other/a%20key' }, parsed, creds.secretKey)).toThrow();
    }
  });

  it('presigned URLs', () => {
    const url = presignUrlV2({ method: 'GET', url: 'http://h/b/k?versionId=v', ...creds, expires: new Date(NOW.getTime() + 60_000) });
    const rawQuery = url.split('?')[1];
    const req: SigV2Request = { method: 'GET', rawPath: '/b/k', rawQuery, headers: {} };
    const parsed = parseSigV2(req, NOW)!;
    expect(() => verifySigV2(req, parsed, creds.secretKey)).not.toThrow();
    expect(() => verifySigV2({ ...req, method: 'DELETE' }, parsed, creds.secretKey)).toThrow(expect.objectContaining({ code: 'SignatureDoesNotMatch' }));
  });
});
