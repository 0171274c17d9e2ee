import { crc32 } from 'node:zlib';
import { GatewayError } from '@gw/core';
import { AwsChunkedDecoder } from './aws-chunked-decoder';
import { chunkSignature, trailerSignature } from './chunk-signature';
import { EMPTY_SHA256 } from './constants';
import { parseSigV4 } from './parse-sigv4';
import { createPayloadVerifier } from './payload-verifier';
import { verifySigV4 } from './verify-sigv4';
import { runThrough, sha256, signedChunkedBody, unsignedChunkedBody } from './testing/aws-chunked-body';
import type { SignableRequest } from './types';

// The S3 documentation's streaming examples (sigv4-streaming, sigv4-streaming-trailers): a PUT of
// 66560 bytes of 'a' sent as a 64 KiB chunk, a 1 KiB chunk and the final empty chunk.
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const NOW = new Date('2013-05-24T00:00:00Z');
const CREDENTIAL = 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request';
const PAYLOAD = Buffer.alloc(66560, 'a');
const SIGNED = {
  seed: '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9',
  chunks: [
    'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
    '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
    'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9',
  ],
};
const SIGNED_TRAILER = {
  seed: '106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e',
  chunks: [
    'b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2',
    '1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7',
    '2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992',
  ],
  trailer: 'd81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435',
};

function streamingRequest(trailer: boolean, headers: Record<string, string> = {}): SignableRequest {
  const signedHeaders = trailer
    ? 'content-encoding;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer'
    : 'content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class';
  return {
    method: 'PUT', rawPath: '/examplebucket/chunkObject.txt', rawQuery: '',
    headers: {
      host: 's3.amazonaws.com', 'x-amz-date': '20130524T000000Z', 'x-amz-storage-class': 'REDUCED_REDUNDANCY',
      'content-encoding': 'aws-chunked', 'x-amz-decoded-content-length': '66560',
      ...(trailer
        ? { 'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER', 'x-amz-trailer': 'x-amz-checksum-crc32c' }
        : { 'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', 'content-length': '66824' }),
      authorization: `AWS4-HMAC-SHA256 Credential=${CREDENTIAL},SignedHeaders=${signedHeaders},Signature=${trailer ? SIGNED_TRAILER.seed : SIGNED.seed}`,
      ...headers,
    },
  };
}

/** The documented body, written out with the documented signatures (not recomputed). */
function documentedBody(signatures: string[], trailerLines = ''): Buffer {
  return Buffer.concat([
    Buffer.from(`10000;chunk-signature=${signatures[0]}\r\n`), PAYLOAD.subarray(0, 65536), Buffer.from('\r\n'),
    Buffer.from(`400;chunk-signature=${signatures[1]}\r\n`), PAYLOAD.subarray(65536), Buffer.from('\r\n'),
    Buffer.from(`0;chunk-signature=${signatures[2]}\r\n${trailerLines}\r\n`),
  ]);
}

const SIGNED_BODY = documentedBody(SIGNED.chunks);
const TRAILER_LINES = `x-amz-checksum-crc32c:sOO8/Q==\r\nx-amz-trailer-signature:${SIGNED_TRAILER.trailer}\r\n`;
const SIGNED_TRAILER_BODY = documentedBody(SIGNED_TRAILER.chunks, TRAILER_LINES);

function verifierFor(request: SignableRequest) {
  const parsed = parseSigV4(request, NOW, { service: 's3' });
  if (!parsed) throw new Error('anonymous');
  const { signingKey, seedSignature } = verifySigV4(request, parsed, SECRET);
  const verifier = createPayloadVerifier({ parsed, signingKey, seedSignature, headers: request.headers });
  if (!verifier.body) throw new Error('no body verifier');
  return { body: verifier.body, trailers: verifier.trailers, signingKey };
}

async function failure(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the stream to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

describe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD (the documented example)', () => {
  it('has the documented length and chunk signatures', () => {
    expect(SIGNED_BODY.length).toBe(66824);
    const { signingKey } = verifierFor(streamingRequest(false));
    const ctx = { signingKey, amzDate: '20130524T000000Z', scope: '20130524/us-east-1/s3/aws4_request' };
    // The documented string to sign of the first chunk ends with sha256 of its 65536 'a's.
    expect(sha256(PAYLOAD.subarray(0, 65536))).toBe('bf718b6f653bebc184e1479f1935b8da974d701b893afcf49e701f3e2f9f9c5a');
    const first = chunkSignature(ctx, SIGNED.seed, sha256(PAYLOAD.subarray(0, 65536)));
    const second = chunkSignature(ctx, first, sha256(PAYLOAD.subarray(65536)));
    const last = chunkSignature(ctx, second, EMPTY_SHA256);
    expect([first, second, last]).toEqual(SIGNED.chunks);
  });

  it.each([1, 7, 4096, 65537, 66824])('decodes to the payload only, fed %i bytes at a time', async (pieceSize) => {
    const { body, trailers } = verifierFor(streamingRequest(false));
    const out = await runThrough(body, SIGNED_BODY, pieceSize);
    expect(out.equals(PAYLOAD)).toBe(true);
    expect(trailers()).toEqual({});
  });

  it.each([
    ['the first chunk', 30000],
    ['the second chunk', 65626 + 86 + 10],
  ])('refuses a changed payload byte in %s', async (_chunk, offset) => {
    const tampered = Buffer.from(SIGNED_BODY);
    expect(tampered[offset]).toBe('a'.charCodeAt(0));
    tampered[offset] = 'b'.charCodeAt(0);
    const { body } = verifierFor(streamingRequest(false));
    expect((await failure(runThrough(body, tampered, 1000))).code).toBe('SignatureDoesNotMatch');
  });

  it('refuses chunks whose signatures do not chain (reordered, or from another request)', async () => {
    const swapped = documentedBody([SIGNED.chunks[1], SIGNED.chunks[0], SIGNED.chunks[2]]);
    expect((await failure(runThrough(verifierFor(streamingRequest(false)).body, swapped))).code).toBe('SignatureDoesNotMatch');
    const foreign = documentedBody(SIGNED_TRAILER.chunks);
    expect((await failure(runThrough(verifierFor(streamingRequest(false)).body, foreign))).code).toBe('SignatureDoesNotMatch');
  });

  it('refuses a final chunk with a wrong signature', async () => {
    const wrongLast = documentedBody([SIGNED.chunks[0], SIGNED.chunks[1], SIGNED.chunks[1]]);
    expect((await failure(runThrough(verifierFor(streamingRequest(false)).body, wrongLast))).code).toBe('SignatureDoesNotMatch');
  });

  it.each([
    ['in a chunk header', 10],
    ['in chunk data', 30000],
    ['before the CRLF after the data', 88 + 65536],
    ['before the final chunk', 65626 + 1112],
    ['before the final CRLF', SIGNED_BODY.length - 2],
    ['before the last byte', SIGNED_BODY.length - 1],
  ])('fails with IncompleteBody when the body ends %s', async (_where, length) => {
    const { body } = verifierFor(streamingRequest(false));
    expect((await failure(runThrough(body, SIGNED_BODY.subarray(0, length), 1))).code).toBe('IncompleteBody');
  });

  it('enforces x-amz-decoded-content-length', async () => {
    // The length is a signed header; to test the decoder alone, sign our own body with it.
    for (const declared of [66559, 66561]) {
      const decoder = new AwsChunkedDecoder({
        mode: 'signed', decodedContentLength: declared,
        signing: { ...contextFor(), seedSignature: SIGNED.seed },
      });
      expect((await failure(runThrough(decoder, SIGNED_BODY, 4096))).code).toBe('IncompleteBody');
    }
  });

  it.each([
    ['a size that is not hex', 'zz;chunk-signature=' + SIGNED.chunks[0] + '\r\n'],
    ['a chunk without signature', '10000\r\n'],
    ['a short signature', '10000;chunk-signature=abc\r\n'],
    ['a bare LF', `10000;chunk-signature=${SIGNED.chunks[0]}\n`],
    ['data not followed by CRLF', `1;chunk-signature=${SIGNED.chunks[0]}\r\naXY`],
  ])('refuses %s with InvalidRequest', async (_what, text) => {
    const decoder = new AwsChunkedDecoder({ mode: 'signed', signing: { ...contextFor(), seedSignature: SIGNED.seed } });
    const error = await failure(runThrough(decoder, Buffer.from(text), 1));
    expect(error.code).toBe('InvalidRequest');
  });

  it('refuses a chunk header longer than 4 KiB without buffering it', async () => {
    const decoder = new AwsChunkedDecoder({ mode: 'signed', signing: { ...contextFor(), seedSignature: SIGNED.seed } });
    const endless = Buffer.alloc(1024 * 1024, '1');
    const error = await failure(runThrough(decoder, endless, 1000));
    expect(error.code).toBe('InvalidRequest');
    expect(error.message).toMatch(/longer than 4096/);
  });

  it('refuses data after the final chunk, and trailers it was not told about', async () => {
    const extra = Buffer.concat([SIGNED_BODY, Buffer.from('x')]);
    expect((await failure(runThrough(verifierFor(streamingRequest(false)).body, extra))).code).toBe('InvalidRequest');
    const withTrailer = documentedBody(SIGNED.chunks, 'x-amz-checksum-crc32:AAAAAA==\r\n');
    expect((await failure(runThrough(verifierFor(streamingRequest(false)).body, withTrailer))).code).toBe('InvalidRequest');
  });

  it('round-trips bodies cut into any chunk sizes', async () => {
    const ctx = contextFor();
    const data = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 31) & 0xff));
    const sizes = [1, 8192, 65536, 100_000, 26_271];
    const chunks: Buffer[] = [];
    let at = 0;
    for (const size of sizes) chunks.push(data.subarray(at, (at += size)));
    const { body } = signedChunkedBody(ctx, SIGNED.seed, chunks);
    const decoder = new AwsChunkedDecoder({
      mode: 'signed', decodedContentLength: data.length, signing: { ...ctx, seedSignature: SIGNED.seed },
    });
    expect((await runThrough(decoder, body, 977)).equals(data)).toBe(true);
  });
});

function contextFor() {
  const { signingKey } = verifierFor(streamingRequest(false));
  return { signingKey, amzDate: '20130524T000000Z', scope: '20130524/us-east-1/s3/aws4_request' };
}

describe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER (the documented example)', () => {
  it('has the documented chunk and trailer signatures', () => {
    const ctx = contextFor();
    let previous = SIGNED_TRAILER.seed;
    const computed = [65536, 1024, 0].map((n) => (previous = chunkSignature(ctx, previous, sha256(Buffer.alloc(n, 'a')))));
    expect(computed).toEqual(SIGNED_TRAILER.chunks);
    expect(trailerSignature(ctx, previous, { 'x-amz-checksum-crc32c': 'sOO8/Q==' })).toBe(SIGNED_TRAILER.trailer);
  });

  it.each([1, 13, 66946])('decodes and returns the trailer, fed %i bytes at a time', async (pieceSize) => {
    expect(SIGNED_TRAILER_BODY.length).toBe(66946);
    const { body, trailers } = verifierFor(streamingRequest(true));
    const out = await runThrough(body, SIGNED_TRAILER_BODY, pieceSize);
    expect(out.equals(PAYLOAD)).toBe(true);
    expect(trailers()).toEqual({ 'x-amz-checksum-crc32c': 'sOO8/Q==' });
  });

  it('refuses a changed trailer value', async () => {
    const tampered = documentedBody(SIGNED_TRAILER.chunks, TRAILER_LINES.replace('sOO8/Q==', 'AAAAAA=='));
    expect((await failure(runThrough(verifierFor(streamingRequest(true)).body, tampered))).code).toBe('SignatureDoesNotMatch');
  });

  it('refuses a missing trailer signature, and an undeclared or missing trailer', async () => {
    const unsigned = documentedBody(SIGNED_TRAILER.chunks, 'x-amz-checksum-crc32c:sOO8/Q==\r\n');
    expect((await failure(runThrough(verifierFor(streamingRequest(true)).body, unsigned))).code).toBe('InvalidRequest');
    const undeclared = documentedBody(SIGNED_TRAILER.chunks, `x-amz-checksum-sha1:AAAA\r\n${TRAILER_LINES}`);
    expect((await failure(runThrough(verifierFor(streamingRequest(true)).body, undeclared))).code).toBe('InvalidRequest');
    const missing = documentedBody(SIGNED_TRAILER.chunks, `x-amz-trailer-signature:${SIGNED_TRAILER.trailer}\r\n`);
    expect((await failure(runThrough(verifierFor(streamingRequest(true)).body, missing))).code).toBe('InvalidRequest');
  });

  it('refuses a trailer section that ends early', async () => {
    const { body } = verifierFor(streamingRequest(true));
    expect((await failure(runThrough(body, SIGNED_TRAILER_BODY.subarray(0, SIGNED_TRAILER_BODY.length - 2), 1))).code).toBe('IncompleteBody');
  });
});

describe('STREAMING-UNSIGNED-PAYLOAD-TRAILER', () => {
  const helloCrc32 = () => {
    const value = Buffer.alloc(4);
    value.writeUInt32BE(crc32('hello world') >>> 0);
    return value.toString('base64');
  };
  const decoder = (headers: Record<string, string> = { 'x-amz-trailer': 'x-amz-checksum-crc32' }) =>
    new AwsChunkedDecoder({
      mode: 'unsigned-trailer',
      declaredTrailers: (headers['x-amz-trailer'] ?? '').split(',').filter(Boolean),
      decodedContentLength: headers['x-amz-decoded-content-length'] === undefined ? undefined : Number(headers['x-amz-decoded-content-length']),
    });

  it('decodes `size\\r\\n` chunks and returns x-amz-checksum-crc32, fed 1 byte at a time', async () => {
    expect(helloCrc32()).toBe('DUoRhQ==');
    const body = unsignedChunkedBody([Buffer.from('hello'), Buffer.from(' world')], { 'x-amz-checksum-crc32': 'DUoRhQ==' });
    expect(body.toString()).toBe('5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n');
    const d = decoder({ 'x-amz-trailer': 'x-amz-checksum-crc32', 'x-amz-decoded-content-length': '11' });
    expect((await runThrough(d, body, 1)).toString()).toBe('hello world');
    expect(d.trailers).toEqual({ 'x-amz-checksum-crc32': 'DUoRhQ==' });
  });

  it('is what createPayloadVerifier picks for an unsigned-trailer request', async () => {
    const request: SignableRequest = {
      method: 'PUT', rawPath: '/b/k', rawQuery: '',
      headers: {
        host: 'h', 'x-amz-date': '20130524T000000Z', 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
        'x-amz-trailer': 'x-amz-checksum-crc32', 'x-amz-decoded-content-length': '11',
        authorization: `AWS4-HMAC-SHA256 Credential=${CREDENTIAL},SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-trailer,Signature=${'0'.repeat(64)}`,
      },
    };
    const parsed = parseSigV4(request, NOW, { service: 's3' });
    if (!parsed) throw new Error('anonymous');
    const verifier = createPayloadVerifier({ parsed, headers: request.headers });
    if (!verifier.body) throw new Error('no verifier');
    const body = unsignedChunkedBody([Buffer.from('hello world')], { 'x-amz-checksum-crc32': 'DUoRhQ==' });
    expect((await runThrough(verifier.body, body, 2)).toString()).toBe('hello world');
    expect(verifier.trailers()).toEqual({ 'x-amz-checksum-crc32': 'DUoRhQ==' });
  });

  it('tolerates chunk extensions, which carry nothing to verify here', async () => {
    const d = decoder();
    const body = Buffer.from('5;foo=bar\r\nhello\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n');
    expect((await runThrough(d, body, 3)).toString()).toBe('hello');
  });

  it('refuses a declared trailer that never comes, an undeclared one and a trailer signature', async () => {
    expect((await failure(runThrough(decoder(), Buffer.from('5\r\nhello\r\n0\r\n\r\n')))).code).toBe('InvalidRequest');
    const undeclared = Buffer.from('5\r\nhello\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n');
    expect((await failure(runThrough(decoder({}), undeclared))).code).toBe('InvalidRequest');
    const signed = Buffer.from(`0\r\nx-amz-checksum-crc32:DUoRhQ==\r\nx-amz-trailer-signature:${'0'.repeat(64)}\r\n\r\n`);
    expect((await failure(runThrough(decoder(), signed))).code).toBe('InvalidRequest');
  });

  it('accepts a body without trailers when none is declared, and an empty payload', async () => {
    expect((await runThrough(decoder({}), Buffer.from('3\r\nabc\r\n0\r\n\r\n'), 1)).toString()).toBe('abc');
    expect((await runThrough(decoder({}), Buffer.from('0\r\n\r\n'))).length).toBe(0);
  });

  it.each([
    ['mid-data', '5\r\nhel'],
    ['after the final chunk, before the trailers', '5\r\nhello\r\n0\r\n'],
    ['mid-trailer', '5\r\nhello\r\n0\r\nx-amz-checksum-crc32:DUo'],
    ['with nothing at all', ''],
  ])('fails with IncompleteBody when the body ends %s', async (_where, text) => {
    expect((await failure(runThrough(decoder(), Buffer.from(text), 1))).code).toBe('IncompleteBody');
  });

  it('bounds the trailer section', async () => {
    const many = Array.from({ length: 400 }, (_, i) => `x-amz-meta-${i}:${'v'.repeat(40)}\r\n`).join('');
    const error = await failure(runThrough(decoder(), Buffer.from(`0\r\n${many}\r\n`), 512));
    expect(error.code).toBe('InvalidRequest');
  });
});
