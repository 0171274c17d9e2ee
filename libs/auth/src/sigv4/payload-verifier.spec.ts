import { GatewayError } from '@gw/core';
import { AwsChunkedDecoder } from './aws-chunked-decoder';
import { EMPTY_SHA256 } from './constants';
import { createPayloadVerifier } from './payload-verifier';
import type { ParsedSigV4 } from './types';
import { runThrough, sha256 } from './testing/aws-chunked-body';

const parsed = (payloadHash: string): ParsedSigV4 => ({
  accessKeyId: 'AK', amzDate: '20240301T120000Z', requestTime: new Date('2024-03-01T12:00:00Z'),
  scope: { date: '20240301', region: 'kr-central-2', service: 's3' }, signedHeaders: ['host'],
  signature: 'a'.repeat(64), payloadHash, presigned: false,
});

describe('createPayloadVerifier', () => {
  it('has nothing to verify for UNSIGNED-PAYLOAD', () => {
    const verifier = createPayloadVerifier({ parsed: parsed('UNSIGNED-PAYLOAD'), headers: {} });
    expect(verifier.body).toBeNull();
    expect(verifier.trailers()).toEqual({});
  });

  it('passes a body whose sha256 matches, fed 1 byte at a time', async () => {
    const data = Buffer.from('Welcome to Amazon S3.');
    const { body } = createPayloadVerifier({ parsed: parsed(sha256(data)), headers: {} });
    if (!body) throw new Error('no verifier');
    expect(await runThrough(body, data, 1)).toEqual(data);
  });

  it('passes the empty body against e3b0c442...', async () => {
    const { body } = createPayloadVerifier({ parsed: parsed(EMPTY_SHA256), headers: {} });
    if (!body) throw new Error('no verifier');
    expect(await runThrough(body, Buffer.alloc(0))).toHaveLength(0);
  });

  it.each([
    ['a different body', sha256('expected'), Buffer.from('received')],
    ['a body where none was signed', EMPTY_SHA256, Buffer.from('x')],
    ['no body where one was signed', sha256('x'), Buffer.alloc(0)],
  ])('fails with XAmzContentSHA256Mismatch for %s', async (_what, hash, data) => {
    const { body } = createPayloadVerifier({ parsed: parsed(hash), headers: {} });
    if (!body) throw new Error('no verifier');
    const error = await runThrough(body, data).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ code: 'XAmzContentSHA256Mismatch', details: { ClientComputedContentSHA256: hash, S3ComputedContentSHA256: sha256(data) } });
  });

  it('decodes aws-chunked for the STREAMING-* values', () => {
    for (const hash of ['STREAMING-AWS4-HMAC-SHA256-PAYLOAD', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER']) {
      const verifier = createPayloadVerifier({ parsed: parsed(hash), signingKey: Buffer.alloc(32), seedSignature: 'b'.repeat(64), headers: {} });
      expect(verifier.body).toBeInstanceOf(AwsChunkedDecoder);
    }
  });

  it('refuses an x-amz-decoded-content-length that is not a number', () => {
    const make = () =>
      createPayloadVerifier({ parsed: parsed('STREAMING-UNSIGNED-PAYLOAD-TRAILER'), headers: { 'x-amz-decoded-content-length': '12abc' } });
    expect(make).toThrow(GatewayError);
    expect(make).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
  });

  it('needs the signing key for signed chunks (a programming error, not a client one)', () => {
    expect(() => createPayloadVerifier({ parsed: parsed('STREAMING-AWS4-HMAC-SHA256-PAYLOAD'), headers: {} })).toThrow(TypeError);
  });
});
