import { GatewayError } from '@gw/core';
import { parseSigV4 } from './parse-sigv4';
import { verifySigV4 } from './verify-sigv4';
import { NOW, SECRET, headerSignedRequest, presignedRequest } from './testing/signed-request';
import type { SignableRequest } from './types';

const S3 = { service: 's3' };

function verify(req: SignableRequest, secret = SECRET) {
  const parsed = parseSigV4(req, NOW, S3);
  if (!parsed) throw new Error('anonymous');
  return verifySigV4(req, parsed, secret);
}

function mismatch(req: SignableRequest, secret = SECRET): GatewayError {
  try {
    verify(req, secret);
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe('SignatureDoesNotMatch');
    return error as GatewayError;
  }
  throw new Error('expected SignatureDoesNotMatch');
}

// Keys that S3 keeps byte for byte: spaces, unicode, '+', reserved characters, '//', '..', a trailing slash.
const URLS = [
  'http://127.0.0.1:9000/bucket/key',
  'http://127.0.0.1:9000/bucket/dir/with%20space/%ED%95%9C%EA%B8%80.txt',
  'http://127.0.0.1:9000/bucket/a%2Bb%21%27%28%29%2A%3D%26%24%40',
  'http://127.0.0.1:9000/bucket//double//slash/../dots/./',
  'https://bucket.kr.object.example.com/key?versionId=3&response-content-type=text%2Fplain',
  'http://127.0.0.1:9000/bucket?list-type=2&prefix=a%20b%2F&delimiter=%2F&continuation-token=x%3D%3D&fetch-owner',
  'http://127.0.0.1:9000/bucket?uploads',
];

describe('verifySigV4 round trips', () => {
  it.each(URLS)('header-signed %s', (url) => {
    const req = headerSignedRequest('PUT', url, {
      headers: { 'Content-Type': 'text/plain', 'x-amz-meta-note': '  two   spaces  ', 'x-amz-acl': 'private' },
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
    const { signingKey, seedSignature } = verify(req);
    expect(signingKey).toHaveLength(32);
    expect(seedSignature).toBe(parseSigV4(req, NOW, S3)?.signature);
  });

  it.each(URLS)('presigned %s', (url) => {
    expect(verify(presignedRequest('GET', url)).seedSignature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies a presigned URL with a security token and a signed content-type', () => {
    const req = presignedRequest('PUT', URLS[0], { securityToken: 'FwoGZXIvYXdzE//+token=', headers: { 'content-type': 'image/png' } });
    expect(() => verify(req)).not.toThrow();
    expect(parseSigV4(req, NOW, S3)?.securityToken).toBe('FwoGZXIvYXdzE//+token=');
    mismatch({ ...req, headers: { ...req.headers, 'content-type': 'text/html' } });
  });

  it('accepts a path sent with different but equivalent percent-encoding', () => {
    const req = headerSignedRequest('GET', 'http://127.0.0.1:9000/bucket/test%24file.text');
    expect(() => verify({ ...req, rawPath: '/bucket/test$file.text' })).not.toThrow();
    expect(() => verify({ ...req, rawPath: '/bucket/test%24file%2etext' })).not.toThrow();
  });

  it('joins repeated headers from rawHeaders', () => {
    // The client signs both values of a repeated header joined with ','.
    const req = headerSignedRequest('GET', URLS[0], { headers: { 'x-amz-meta-tag': 'a,b' } });
    const rawHeaders = Object.entries(req.headers).flatMap(([name, value]) =>
      name === 'x-amz-meta-tag' ? [name, 'a', name, 'b'] : [name, String(value)],
    );
    const asNode = { ...req, headers: { ...req.headers, 'x-amz-meta-tag': 'a, b' } };
    expect(() => verify({ ...asNode, rawHeaders })).not.toThrow();
    mismatch(asNode);
  });
});

describe('verifySigV4 refuses what was changed after signing', () => {
  const signed = () =>
    headerSignedRequest('PUT', 'http://127.0.0.1:9000/bucket/key?partNumber=1&uploadId=abc', {
      headers: { 'x-amz-meta-a': '1', 'content-type': 'text/plain' },
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });

  it.each<[string, (r: SignableRequest) => SignableRequest]>([
    ['the method', (r) => ({ ...r, method: 'POST' })],
    ['the path', (r) => ({ ...r, rawPath: '/bucket/key2' })],
    ['the path by one trailing slash', (r) => ({ ...r, rawPath: '/bucket/key/' })],
    ['a query value', (r) => ({ ...r, rawQuery: 'partNumber=2&uploadId=abc' })],
    ['an added query parameter', (r) => ({ ...r, rawQuery: r.rawQuery + '&acl' })],
    ['a signed header', (r) => ({ ...r, headers: { ...r.headers, 'x-amz-meta-a': '2' } })],
    ['the host', (r) => ({ ...r, headers: { ...r.headers, host: 'other:9000' } })],
    ['the payload hash', (r) => ({ ...r, headers: { ...r.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } })],
    ['a removed signed header', (r) => {
      const headers = { ...r.headers };
      delete headers['content-type'];
      return { ...r, headers };
    }],
  ])('%s', (_what, tamper) => {
    expect(() => verify(signed())).not.toThrow();
    mismatch(tamper(signed()));
  });

  it('the secret', () => {
    mismatch(signed(), SECRET.replace('K7', 'K8'));
  });

  it('says what it computed, never the key', () => {
    const error = mismatch(signed(), 'wrong');
    expect(error.details).toMatchObject({
      AWSAccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      StringToSign: expect.stringMatching(/^AWS4-HMAC-SHA256\n20240301T120000Z\n20240301\/kr-central-2\/s3\/aws4_request\n[0-9a-f]{64}$/),
      CanonicalRequest: expect.stringContaining('PUT\n/bucket/key\npartNumber=1&uploadId=abc\n'),
    });
    expect(JSON.stringify(error.details)).not.toContain('wrong');
  });

  it('a presigned query parameter or the expiry', () => {
    const req = presignedRequest('GET', 'http://127.0.0.1:9000/bucket/key?versionId=1');
    expect(() => verify(req)).not.toThrow();
    mismatch({ ...req, rawQuery: req.rawQuery.replace('versionId=1', 'versionId=2') });
    mismatch({ ...req, rawQuery: req.rawQuery.replace('X-Amz-Expires=3600', 'X-Amz-Expires=7200') });
    mismatch({ ...req, rawQuery: req.rawQuery + '&response-content-type=text%2Fhtml' });
  });

  it('a signature of another length or case', () => {
    const req = signed();
    const auth = String(req.headers.authorization);
    const sig = auth.slice(-64);
    mismatch({ ...req, headers: { ...req.headers, authorization: auth.slice(0, -64) + sig.slice(0, 63) } });
    mismatch({ ...req, headers: { ...req.headers, authorization: auth.slice(0, -64) + sig.toUpperCase() } });
  });
});
