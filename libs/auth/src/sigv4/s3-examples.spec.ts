// The worked examples of the S3 API reference, "Signature Calculations for the Authorization
// Header" (sig-v4-header-based-auth), "Query string authentication" (sigv4-query-string-auth) and
// "Transferring Payload in Multiple Chunks" (sigv4-streaming): AKIAIOSFODNN7EXAMPLE, examplebucket,
// 20130524T000000Z, us-east-1. Signatures and string-to-sign hashes are the published ones.
import { EMPTY_SHA256 } from './constants';
import { sha256Hex } from './canonical-request';
import { canonicalRequestOf, verifySigV4 } from './verify-sigv4';
import { parseSigV4 } from './parse-sigv4';
import { presignUrl } from './presign-url';
import { signRequestHeaders } from './sign-request';
import { createPayloadVerifier } from './payload-verifier';
import { runThrough } from './testing/aws-chunked-body';
import type { SignableRequest } from './types';

const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const NOW = new Date('2013-05-24T00:00:00Z');
const HOST = 'examplebucket.s3.amazonaws.com';
const authorization = (signedHeaders: string, sig: string) =>
  `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/20130524/us-east-1/s3/aws4_request,SignedHeaders=${signedHeaders},Signature=${sig}`;

interface Example {
  name: string;
  request: SignableRequest;
  signature: string;
  /** Last line of the published StringToSign. */
  canonicalRequestHash?: string;
  canonicalRequest?: string;
}

const examples: Example[] = [
  {
    name: 'GET Object (Range)',
    request: {
      method: 'GET', rawPath: '/test.txt', rawQuery: '',
      headers: {
        host: HOST, range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': '20130524T000000Z',
        authorization: authorization('host;range;x-amz-content-sha256;x-amz-date', 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41'),
      },
    },
    signature: 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    canonicalRequestHash: '7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
    canonicalRequest:
      'GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n' +
      'x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\nx-amz-date:20130524T000000Z\n\n' +
      'host;range;x-amz-content-sha256;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  {
    name: 'PUT Object (test$file.text, Date and x-amz-date)',
    request: {
      method: 'PUT', rawPath: '/test$file.text', rawQuery: '',
      headers: {
        host: HOST, date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-date': '20130524T000000Z',
        'x-amz-storage-class': 'REDUCED_REDUNDANCY',
        'x-amz-content-sha256': '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
        authorization: authorization(
          'date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class',
          '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
        ),
      },
    },
    signature: '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
    canonicalRequestHash: '9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d',
    canonicalRequest:
      'PUT\n/test%24file.text\n\ndate:Fri, 24 May 2013 00:00:00 GMT\nhost:examplebucket.s3.amazonaws.com\n' +
      'x-amz-content-sha256:44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072\nx-amz-date:20130524T000000Z\n' +
      'x-amz-storage-class:REDUCED_REDUNDANCY\n\ndate;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class\n' +
      '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
  },
  {
    name: 'GET Bucket Lifecycle (?lifecycle)',
    request: {
      method: 'GET', rawPath: '/', rawQuery: 'lifecycle',
      headers: {
        host: HOST, 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': '20130524T000000Z',
        authorization: authorization('host;x-amz-content-sha256;x-amz-date', 'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543'),
      },
    },
    signature: 'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543',
    canonicalRequestHash: '9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca',
  },
  {
    name: 'Get Bucket (List Objects) ?max-keys=2&prefix=J',
    request: {
      method: 'GET', rawPath: '/', rawQuery: 'max-keys=2&prefix=J',
      headers: {
        host: HOST, 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': '20130524T000000Z',
        authorization: authorization('host;x-amz-content-sha256;x-amz-date', '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7'),
      },
    },
    signature: '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7',
    canonicalRequestHash: 'df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7',
  },
  {
    name: 'presigned GET Object (X-Amz-Expires=86400)',
    request: {
      method: 'GET', rawPath: '/test.txt',
      rawQuery:
        'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
        '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
        '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
      headers: { host: HOST },
    },
    signature: 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    canonicalRequestHash: '3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04',
    canonicalRequest:
      'GET\n/test.txt\nX-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
      '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\nhost:examplebucket.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD',
  },
  {
    name: 'streaming PUT seed signature (STREAMING-AWS4-HMAC-SHA256-PAYLOAD)',
    request: {
      method: 'PUT', rawPath: '/examplebucket/chunkObject.txt', rawQuery: '',
      headers: {
        host: 's3.amazonaws.com', 'x-amz-date': '20130524T000000Z', 'x-amz-storage-class': 'REDUCED_REDUNDANCY',
        'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', 'content-encoding': 'aws-chunked',
        'x-amz-decoded-content-length': '66560', 'content-length': '66824',
        authorization: authorization(
          'content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class',
          '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9',
        ),
      },
    },
    signature: '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9',
    canonicalRequestHash: 'cee3fed04b70f867d036f722359b0b1f2f0e5dc0efadbc082b76c4c60e316455',
  },
  {
    name: 'streaming PUT with trailer, seed signature (STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER)',
    request: {
      method: 'PUT', rawPath: '/examplebucket/chunkObject.txt', rawQuery: '',
      headers: {
        host: 's3.amazonaws.com', 'x-amz-date': '20130524T000000Z', 'x-amz-storage-class': 'REDUCED_REDUNDANCY',
        'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER', 'content-encoding': 'aws-chunked',
        'x-amz-decoded-content-length': '66560', 'x-amz-trailer': 'x-amz-checksum-crc32c',
        authorization: authorization(
          'content-encoding;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer',
          '106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e',
        ),
      },
    },
    signature: '106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e',
  },
];

describe('S3 documentation examples', () => {
  it.each(examples.map((e) => [e.name, e] as const))('%s verifies', (_name, example) => {
    const parsed = parseSigV4(example.request, NOW, { service: 's3' });
    expect(parsed).not.toBeNull();
    if (!parsed) return;
    const canonical = canonicalRequestOf(example.request, parsed);
    if (example.canonicalRequest !== undefined) expect(canonical).toBe(example.canonicalRequest);
    if (example.canonicalRequestHash !== undefined) expect(sha256Hex(canonical)).toBe(example.canonicalRequestHash);
    expect(verifySigV4(example.request, parsed, SECRET).seedSignature).toBe(example.signature);
  });

  it('PUT Object: the body "Welcome to Amazon S3." matches its x-amz-content-sha256', async () => {
    const request = examples[1].request;
    const parsed = parseSigV4(request, NOW, { service: 's3' });
    if (!parsed) throw new Error('anonymous');
    const { body } = createPayloadVerifier({ parsed, headers: request.headers });
    if (!body) throw new Error('no verifier');
    await expect(runThrough(body, Buffer.from('Welcome to Amazon S3.'), 3)).resolves.toEqual(Buffer.from('Welcome to Amazon S3.'));
  });

  it('presignUrl gives the documented URL', () => {
    expect(
      presignUrl({
        method: 'GET', url: `https://${HOST}/test.txt`, accessKeyId: ACCESS_KEY, secretKey: SECRET,
        region: 'us-east-1', service: 's3', expiresSeconds: 86400, now: NOW,
      }),
    ).toBe(
      'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
        '&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z' +
        '&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    );
  });

  it('signRequestHeaders gives the documented signatures', () => {
    const sign = (method: string, path: string, headers: Record<string, string>, payloadHash: string) =>
      signRequestHeaders({
        method, url: `https://${HOST}${path}`, headers, payloadHash, accessKeyId: ACCESS_KEY, secretKey: SECRET,
        region: 'us-east-1', service: 's3', now: NOW,
      }).authorization;
    expect(sign('GET', '/test.txt', { Range: 'bytes=0-9' }, EMPTY_SHA256)).toBe(
      `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/20130524/us-east-1/s3/aws4_request, ` +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(sign('GET', '/?max-keys=2&prefix=J', {}, EMPTY_SHA256)).toMatch(/Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7$/);
    expect(
      sign('PUT', '/test%24file.text', { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
        '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072'),
    ).toMatch(/Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd$/);
  });
});
