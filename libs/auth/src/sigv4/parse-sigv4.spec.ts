import { GatewayError } from '@gw/core';
import { parseSigV4 } from './parse-sigv4';
import { ACCESS_KEY, NOW, headerSignedRequest, presignedRequest } from './testing/signed-request';
import type { SignableRequest } from './types';

const URL = 'http://127.0.0.1:9000/bucket/key';
const S3 = { service: 's3' };
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

function refusal(req: SignableRequest, now = NOW, options: { service: string; requireContentSha256?: boolean } = S3): GatewayError {
  try {
    parseSigV4(req, now, options);
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  }
  throw new Error('expected parseSigV4 to refuse the request');
}

function withAuthorization(authorization: string, headers: Record<string, string> = {}): SignableRequest {
  const req = headerSignedRequest('GET', URL);
  return { ...req, headers: { ...req.headers, ...headers, authorization } };
}

const CREDENTIAL = `${ACCESS_KEY}/20240301/kr-central-2/s3/aws4_request`;
const SIG = 'a'.repeat(64);

describe('parseSigV4: anonymous and mechanism', () => {
  it('returns null without Authorization header nor X-Amz-Algorithm', () => {
    expect(parseSigV4({ method: 'GET', rawPath: '/b/k', rawQuery: 'versionId=1', headers: { host: 'h' } }, NOW, S3)).toBeNull();
  });

  it('refuses a request that uses both the header and the query', () => {
    const presigned = presignedRequest('GET', URL);
    const error = refusal({ ...presigned, headers: { ...presigned.headers, authorization: 'AWS4-HMAC-SHA256 x' } });
    expect(error.code).toBe('InvalidArgument');
    expect(error.message).toMatch(/Only one auth mechanism allowed/);
  });
});

describe('parseSigV4: Authorization header', () => {
  it('reads a header-signed request', () => {
    const parsed = parseSigV4(headerSignedRequest('GET', URL, { securityToken: 'token' }), NOW, S3);
    expect(parsed).toEqual({
      accessKeyId: ACCESS_KEY,
      amzDate: '20240301T120000Z',
      requestTime: NOW,
      scope: { date: '20240301', region: 'kr-central-2', service: 's3' },
      signedHeaders: ['host', 'x-amz-content-sha256', 'x-amz-date', 'x-amz-security-token'],
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
      payloadHash: 'UNSIGNED-PAYLOAD',
      presigned: false,
      securityToken: 'token',
    });
  });

  it('accepts any region, commas with or without spaces, fields in any order', () => {
    for (const auth of [
      `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/20240301/us-east-1/s3/aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=${SIG}`,
      `AWS4-HMAC-SHA256  Signature=${SIG} , SignedHeaders=host;x-amz-content-sha256;x-amz-date , Credential=${ACCESS_KEY}/20240301/us-east-1/s3/aws4_request`,
    ]) {
      const parsed = parseSigV4(withAuthorization(auth), NOW, S3);
      expect(parsed?.scope.region).toBe('us-east-1');
      expect(parsed?.signature).toBe(SIG);
    }
  });

  it.each([
    ['Signature Version 2', `AWS ${ACCESS_KEY}:c2lnbmF0dXJl`],
    ['another algorithm', `AWS4-HMAC-SHA512 Credential=${CREDENTIAL},SignedHeaders=host,Signature=${SIG}`],
    ['no fields', 'AWS4-HMAC-SHA256'],
    ['a missing Signature', `AWS4-HMAC-SHA256 Credential=${CREDENTIAL},SignedHeaders=host`],
    ['an empty Signature', `AWS4-HMAC-SHA256 Credential=${CREDENTIAL},SignedHeaders=host,Signature=`],
    ['a repeated field', `AWS4-HMAC-SHA256 Credential=${CREDENTIAL},Credential=${CREDENTIAL},SignedHeaders=host,Signature=${SIG}`],
    ['an unknown field', `AWS4-HMAC-SHA256 Credential=${CREDENTIAL},SignedHeaders=host,Signature=${SIG},Foo=bar`],
    ['a credential without aws4_request', `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/20240301/kr-central-2/s3/aws5_request,SignedHeaders=host,Signature=${SIG}`],
    ['a credential with a bad date', `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/2024031/kr-central-2/s3/aws4_request,SignedHeaders=host,Signature=${SIG}`],
    ['a credential without access key', `AWS4-HMAC-SHA256 Credential=/20240301/kr-central-2/s3/aws4_request,SignedHeaders=host,Signature=${SIG}`],
    ['empty signed headers', `AWS4-HMAC-SHA256 Credential=${CREDENTIAL},SignedHeaders=host;;x-amz-date,Signature=${SIG}`],
    ['another service', `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/20240301/kr-central-2/iam/aws4_request,SignedHeaders=host,Signature=${SIG}`],
    ['a scope date other than x-amz-date', `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/20240302/kr-central-2/s3/aws4_request,SignedHeaders=host,Signature=${SIG}`],
  ])('refuses %s with AuthorizationHeaderMalformed', (_what, auth) => {
    expect(refusal(withAuthorization(auth)).code).toBe('AuthorizationHeaderMalformed');
  });

  it('names the service it expects', () => {
    const auth = `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/20240301/kr-central-2/iam/aws4_request,SignedHeaders=host,Signature=${SIG}`;
    expect(refusal(withAuthorization(auth)).message).toMatch(/incorrect service "iam". This endpoint belongs to "s3"/);
  });

  it('accepts 15 minutes of skew either way, not more', () => {
    const req = headerSignedRequest('GET', URL);
    expect(parseSigV4(req, minutes(15), S3)).not.toBeNull();
    expect(parseSigV4(req, minutes(-15), S3)).not.toBeNull();
    for (const now of [minutes(15.02), minutes(-16)]) {
      const error = refusal(req, now);
      expect(error.code).toBe('RequestTimeTooSkewed');
      expect(error.details).toMatchObject({ RequestTime: '20240301T120000Z', MaxAllowedSkewMilliseconds: 900000 });
    }
  });

  it('falls back to the Date header', () => {
    const req = withAuthorization(
      `AWS4-HMAC-SHA256 Credential=${CREDENTIAL},SignedHeaders=date;host;x-amz-content-sha256,Signature=${SIG}`,
      { date: 'Fri, 01 Mar 2024 12:00:00 GMT' },
    );
    delete req.headers['x-amz-date'];
    const parsed = parseSigV4(req, NOW, S3);
    expect(parsed?.amzDate).toBe('20240301T120000Z');
    expect(parsed?.requestTime).toEqual(NOW);
  });

  it('refuses a missing or unreadable date with AccessDenied, as S3 does', () => {
    const req = headerSignedRequest('GET', URL);
    delete req.headers['x-amz-date'];
    expect(refusal(req)).toMatchObject({ code: 'AccessDenied', message: 'AWS authentication requires a valid Date or x-amz-date header' });
    expect(refusal({ ...req, headers: { ...req.headers, 'x-amz-date': '2024-03-01T12:00:00Z' } }).code).toBe('AccessDenied');
    expect(refusal({ ...req, headers: { ...req.headers, 'x-amz-date': '20240231T120000Z' } }).code).toBe('AccessDenied');
  });

  it('requires host and every x-amz-* header sent to be signed (x-amz-content-sha256 excepted)', () => {
    const auth = `AWS4-HMAC-SHA256 Credential=${CREDENTIAL},SignedHeaders=x-amz-content-sha256;x-amz-date,Signature=${SIG}`;
    expect(refusal(withAuthorization(auth))).toMatchObject({ code: 'AccessDenied', details: { HeadersNotSigned: 'host' } });
    const req = headerSignedRequest('PUT', URL);
    const extra = { ...req, headers: { ...req.headers, 'x-amz-acl': 'public-read', 'x-amz-copy-source': '/other/key' } };
    expect(refusal(extra)).toMatchObject({
      code: 'AccessDenied',
      message: 'There were headers present in the request which were not signed',
      details: { HeadersNotSigned: 'x-amz-acl, x-amz-copy-source' },
    });
    const unsignedSha = withAuthorization(`AWS4-HMAC-SHA256 Credential=${CREDENTIAL},SignedHeaders=host;x-amz-date,Signature=${SIG}`);
    expect(parseSigV4(unsignedSha, NOW, S3)?.payloadHash).toBe('UNSIGNED-PAYLOAD');
    // x-amzn-trace-id (added by load balancers) is not an x-amz-* header.
    expect(parseSigV4({ ...req, headers: { ...req.headers, 'x-amzn-trace-id': 'Root=1' } }, NOW, S3)).not.toBeNull();
  });

  it('requires x-amz-content-sha256 like AWS, or signs its absence as UNSIGNED-PAYLOAD like RGW when told to', () => {
    const req = headerSignedRequest('GET', URL);
    delete req.headers['x-amz-content-sha256'];
    expect(refusal(req)).toMatchObject({ code: 'InvalidRequest', message: 'Missing required header for this request: x-amz-content-sha256' });
    expect(parseSigV4(req, NOW, { service: 's3', requireContentSha256: false })?.payloadHash).toBe('UNSIGNED-PAYLOAD');
  });

  it.each(['abc', 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD', 'unsigned-payload'])(
    'refuses x-amz-content-sha256 %s with InvalidArgument',
    (value) => {
      const req = headerSignedRequest('GET', URL, { headers: { 'x-amz-content-sha256': value } });
      expect(refusal(req)).toMatchObject({ code: 'InvalidArgument', details: { ArgumentName: 'x-amz-content-sha256', ArgumentValue: value } });
    },
  );

  it.each([
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    'UNSIGNED-PAYLOAD',
    'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
    'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
    'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
  ])('accepts x-amz-content-sha256 %s', (value) => {
    expect(parseSigV4(headerSignedRequest('PUT', URL, { payloadHash: value }), NOW, S3)?.payloadHash).toBe(value);
  });
});

describe('parseSigV4: presigned URL', () => {
  it('reads a presigned request', () => {
    const parsed = parseSigV4(presignedRequest('GET', URL, { securityToken: 'tok/en+=' }), minutes(10), S3);
    expect(parsed).toEqual({
      accessKeyId: ACCESS_KEY,
      amzDate: '20240301T120000Z',
      requestTime: NOW,
      scope: { date: '20240301', region: 'kr-central-2', service: 's3' },
      signedHeaders: ['host'],
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
      payloadHash: 'UNSIGNED-PAYLOAD',
      presigned: true,
      expiresSeconds: 3600,
      securityToken: 'tok/en+=',
    });
  });

  it('takes the payload hash from X-Amz-Content-Sha256 (query, then header)', () => {
    const req = presignedRequest('PUT', URL);
    const hash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(parseSigV4({ ...req, rawQuery: `${req.rawQuery}&X-Amz-Content-Sha256=${hash}` }, NOW, S3)?.payloadHash).toBe(hash);
    expect(parseSigV4({ ...req, rawQuery: `${req.rawQuery}&x-amz-content-sha256=${hash}` }, NOW, S3)?.payloadHash).toBe(hash);
    expect(parseSigV4({ ...req, headers: { ...req.headers, 'x-amz-content-sha256': hash } }, NOW, S3)?.payloadHash).toBe(hash);
    const bad = { ...req, headers: { ...req.headers, 'x-amz-content-sha256': 'nope' } };
    expect(refusal(bad).code).toBe('InvalidArgument');
  });

  const replaceParam = (req: SignableRequest, name: string, value: string | null): SignableRequest => {
    const parts = req.rawQuery.split('&').filter((p) => !p.startsWith(`${name}=`));
    if (value !== null) parts.push(`${name}=${value}`);
    return { ...req, rawQuery: parts.join('&') };
  };

  it.each(['X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Expires'])(
    'refuses a URL without %s',
    (name) => {
      const error = refusal(replaceParam(presignedRequest('GET', URL), name, null));
      expect(error.code).toBe('AuthorizationQueryParametersError');
      expect(error.message).toMatch(/requires the X-Amz-Algorithm, X-Amz-Credential/);
    },
  );

  it.each([
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA1'],
    ['X-Amz-Expires', '0'],
    ['X-Amz-Expires', '604801'],
    ['X-Amz-Expires', '-1'],
    ['X-Amz-Expires', 'abc'],
    ['X-Amz-Date', '2024-03-01T12:00:00Z'],
    ['X-Amz-Credential', 'AKID%2F20240301%2Fkr-central-2%2Fs3'],
    ['X-Amz-Credential', `${ACCESS_KEY}%2F20240301%2Fkr-central-2%2Fsts%2Faws4_request`],
    ['X-Amz-Credential', `${ACCESS_KEY}%2F20240302%2Fkr-central-2%2Fs3%2Faws4_request`],
  ])('refuses %s=%s with AuthorizationQueryParametersError', (name, value) => {
    expect(refusal(replaceParam(presignedRequest('GET', URL), name, value)).code).toBe('AuthorizationQueryParametersError');
  });

  it('refuses a repeated authentication parameter', () => {
    const req = presignedRequest('GET', URL);
    expect(refusal({ ...req, rawQuery: `${req.rawQuery}&X-Amz-Signature=${SIG}` }).code).toBe('AuthorizationQueryParametersError');
  });

  it('accepts X-Amz-Expires of exactly 7 days', () => {
    expect(parseSigV4(presignedRequest('GET', URL, { expiresSeconds: 604800 }), NOW, S3)?.expiresSeconds).toBe(604800);
  });

  it('lives exactly X-Amz-Expires seconds', () => {
    const req = presignedRequest('GET', URL, { expiresSeconds: 60 });
    expect(parseSigV4(req, new Date(NOW.getTime() + 60_000), S3)).not.toBeNull();
    const error = refusal(req, new Date(NOW.getTime() + 61_000));
    expect(error).toMatchObject({ code: 'AccessDenied', message: 'Request has expired' });
    expect(error.details).toMatchObject({ 'X-Amz-Expires': 60, Expires: '2024-03-01T12:01:00.000Z' });
  });

  it('refuses a URL dated more than 15 minutes in the future', () => {
    const req = presignedRequest('GET', URL);
    expect(parseSigV4(req, minutes(-15), S3)).not.toBeNull();
    expect(refusal(req, minutes(-16))).toMatchObject({ code: 'AccessDenied', message: 'Request is not valid yet' });
  });

  it('requires host and the x-amz-* headers sent to be signed', () => {
    const req = presignedRequest('PUT', URL);
    expect(refusal({ ...req, headers: { ...req.headers, 'x-amz-acl': 'public-read' } }).details).toEqual({ HeadersNotSigned: 'x-amz-acl' });
    expect(refusal(replaceParam(req, 'X-Amz-SignedHeaders', 'content-type')).details).toEqual({ HeadersNotSigned: 'host' });
  });
});
