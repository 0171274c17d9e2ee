// PutObject integrity on the wire: aws-chunked bodies built by hand (signed chunks, unsigned
// and signed trailers), Content-MD5, x-amz-checksum-* headers, and clients that go away
// mid-upload. Whatever fails must leave no object row, no temp file and no new blob file.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { crc32 } from 'node:zlib';
import {
  chunkSignature,
  STREAMING_SIGNED,
  STREAMING_SIGNED_TRAILER,
  STREAMING_UNSIGNED_TRAILER,
  trailerSignature,
} from '@gw/auth';
import {
  blobFiles,
  chunkContext,
  createBucket,
  eventually,
  md5Base64,
  md5Hex,
  objectRows,
  putObject,
  s3Error,
  send,
  sha256Hex,
  sign,
  signatureOf,
  sleep,
  startS3Harness,
  S3Harness,
  tempFiles,
  WireResponse,
} from './s3-harness';

const crc32Base64 = (data: Buffer): string => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(data));
  return out.toString('base64');
};
const sha1Base64 = (data: Buffer): string => createHash('sha1').update(data).digest('base64');
const sha256Base64 = (data: Buffer): string => createHash('sha256').update(data).digest('base64');

/** Flips the last hex digit of a signature: same shape, wrong value. */
const tamper = (sig: string): string => sig.slice(0, -1) + (sig.endsWith('0') ? '1' : '0');

interface SignedChunkedOptions {
  /** Index of the chunk (chunks.length = the final empty one) whose signature is wrong. */
  tamperChunk?: number;
  trailers?: Record<string, string>;
  tamperTrailer?: boolean;
  /** x-amz-decoded-content-length to send; the payload length by default, null for none. */
  decodedLength?: number | null;
  contentEncoding?: string;
  headers?: Record<string, string>;
}

describe('S3 wire: PutObject integrity', () => {
  let h: S3Harness;

  beforeAll(async () => {
    h = await startS3Harness();
    await createBucket(h, 'integrity');
  });
  afterAll(async () => {
    await h?.close();
  });

  /**
   * A STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER] PUT the way SDKs build it: the seed signature
   * signs the headers, each chunk's signature chains from the previous one, then the final empty
   * chunk and (with trailers) the trailer signature.
   */
  async function putSignedChunked(path: string, chunks: Buffer[], options: SignedChunkedOptions = {}): Promise<WireResponse> {
    const payload = Buffer.concat(chunks);
    const now = new Date();
    const headers: Record<string, string> = { 'content-encoding': options.contentEncoding ?? 'aws-chunked', ...options.headers };
    if (options.decodedLength !== null) headers['x-amz-decoded-content-length'] = String(options.decodedLength ?? payload.length);
    if (options.trailers) headers['x-amz-trailer'] = Object.keys(options.trailers).join(',');
    const signed = sign(h, 'PUT', path, { headers, now, payloadHash: options.trailers ? STREAMING_SIGNED_TRAILER : STREAMING_SIGNED });
    const ctx = chunkContext(h, now);
    let previous = signatureOf(signed.authorization);
    const parts: Buffer[] = [];
    [...chunks, Buffer.alloc(0)].forEach((chunk, i) => {
      previous = chunkSignature(ctx, previous, sha256Hex(chunk));
      const sent = i === options.tamperChunk ? tamper(previous) : previous;
      parts.push(Buffer.from(`${chunk.length.toString(16)};chunk-signature=${sent}\r\n`));
      if (chunk.length > 0) parts.push(chunk, Buffer.from('\r\n'));
    });
    if (options.trailers) {
      for (const [name, value] of Object.entries(options.trailers)) parts.push(Buffer.from(`${name}:${value}\r\n`));
      const sig = trailerSignature(ctx, previous, options.trailers);
      parts.push(Buffer.from(`x-amz-trailer-signature:${options.tamperTrailer ? tamper(sig) : sig}\r\n`));
    }
    parts.push(Buffer.from('\r\n'));
    return send(h, 'PUT', path, { rawHeaders: signed, body: Buffer.concat(parts) });
  }

  /** STREAMING-UNSIGNED-PAYLOAD-TRAILER, as AWS SDK v3 sends a stream by default. */
  async function putUnsignedTrailer(path: string, chunks: Buffer[], trailers: Record<string, string>, headers: Record<string, string> = {}): Promise<WireResponse> {
    const payload = Buffer.concat(chunks);
    const signed = sign(h, 'PUT', path, {
      headers: {
        'content-encoding': 'aws-chunked',
        'x-amz-decoded-content-length': String(payload.length),
        'x-amz-trailer': Object.keys(trailers).join(','),
        ...headers,
      },
      payloadHash: STREAMING_UNSIGNED_TRAILER,
    });
    const parts: Buffer[] = [];
    for (const chunk of chunks) parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'));
    parts.push(Buffer.from('0\r\n'));
    for (const [name, value] of Object.entries(trailers)) parts.push(Buffer.from(`${name}:${value}\r\n`));
    parts.push(Buffer.from('\r\n'));
    return send(h, 'PUT', path, { rawHeaders: signed, body: Buffer.concat(parts) });
  }

  /** Runs `failing`, then checks it left no row for `key`, no temp file and no new blob file. */
  async function expectNothingStored(key: string, failing: () => Promise<WireResponse>): Promise<WireResponse> {
    const before = blobFiles(h);
    const res = await failing();
    expect(await objectRows(h, 'integrity', key)).toBe(0);
    expect(await eventually(() => tempFiles(h).length === 0 && blobFiles(h).length === before.length)).toBe(true);
    expect(blobFiles(h)).toEqual(before);
    expect(tempFiles(h)).toEqual([]);
    return res;
  }

  async function expectStored(key: string, payload: Buffer): Promise<WireResponse> {
    const got = await send(h, 'GET', `/integrity/${key}`);
    expect(got.status).toBe(200);
    expect(got.body.length).toBe(payload.length);
    expect(got.body.equals(payload)).toBe(true);
    expect(got.headers['content-length']).toBe(String(payload.length));
    expect(got.headers.etag).toBe(`"${md5Hex(payload)}"`);
    return got;
  }

  describe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD', () => {
    it('stores the payload without framing; ETag is the MD5 of the payload', async () => {
      const chunks = [randomBytes(64 * 1024), randomBytes(1000), randomBytes(5)];
      const payload = Buffer.concat(chunks);
      const res = await putSignedChunked('/integrity/chunked.bin', chunks);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe(`"${md5Hex(payload)}"`);
      const got = await expectStored('chunked.bin', payload);
      // aws-chunked describes the transfer, not the object: it is not returned.
      expect(got.headers['content-encoding']).toBeUndefined();
    });

    it('keeps the other content codings when aws-chunked is one of several', async () => {
      const chunks = [Buffer.from('pretend this is gzip')];
      const res = await putSignedChunked('/integrity/coded.bin', chunks, { contentEncoding: 'aws-chunked,gzip' });
      expect(res.status).toBe(200);
      const head = await send(h, 'HEAD', '/integrity/coded.bin');
      expect(head.headers['content-encoding']).toBe('gzip');
      expect(head.headers['content-length']).toBe(String(chunks[0].length));
    });

    it('an empty payload is a zero-byte object', async () => {
      const res = await putSignedChunked('/integrity/empty-chunked', []);
      expect(res.status).toBe(200);
      await expectStored('empty-chunked', Buffer.alloc(0));
    });

    const small = () => [randomBytes(256 * 1024), randomBytes(256 * 1024), randomBytes(100)];
    // 16 MiB: the answer comes while the client is still sending; it must still get it.
    const large = () => Array.from({ length: 16 }, () => randomBytes(1024 * 1024));
    it.each([
      ['the first chunk', 0, small],
      ['a middle chunk', 1, small],
      ['the final empty chunk', 3, small],
      ['the first of many large chunks', 0, large],
    ])('a wrong signature on %s is 403 SignatureDoesNotMatch; no object, no blob file', async (name, index, chunks) => {
      const key = `tampered-${name.replace(/\W+/g, '-')}.bin`;
      const res = await expectNothingStored(key, () => putSignedChunked(`/integrity/${key}`, chunks(), { tamperChunk: index }));
      expect(res.status).toBe(403);
      expect(s3Error(res).code).toBe('SignatureDoesNotMatch');
    });

    it('a tampered chunk does not replace an existing object', async () => {
      await putObject(h, 'integrity', 'keep-me.txt', 'kept');
      const res = await putSignedChunked('/integrity/keep-me.txt', [randomBytes(200 * 1024), randomBytes(10)], { tamperChunk: 0 });
      expect(res.status).toBe(403);
      await expectStored('keep-me.txt', Buffer.from('kept'));
    });

    it('a payload longer than x-amz-decoded-content-length is 400 IncompleteBody; nothing stored', async () => {
      const chunks = [randomBytes(1000), randomBytes(1000)];
      const res = await expectNothingStored('too-long.bin', () => putSignedChunked('/integrity/too-long.bin', chunks, { decodedLength: 1500 }));
      expect(res.status).toBe(400);
      expect(s3Error(res).code).toBe('IncompleteBody');
    });

    it('a payload shorter than x-amz-decoded-content-length is 400 IncompleteBody; nothing stored', async () => {
      const chunks = [randomBytes(1000)];
      const res = await expectNothingStored('too-short.bin', () => putSignedChunked('/integrity/too-short.bin', chunks, { decodedLength: 1001 }));
      expect(res.status).toBe(400);
      expect(s3Error(res).code).toBe('IncompleteBody');
    });

    it('without x-amz-decoded-content-length it is 411 MissingContentLength', async () => {
      const res = await expectNothingStored('no-length.bin', () => putSignedChunked('/integrity/no-length.bin', [randomBytes(10)], { decodedLength: null }));
      expect(res.status).toBe(411);
      expect(s3Error(res).code).toBe('MissingContentLength');
    });

    it('a non-numeric x-amz-decoded-content-length is 400 InvalidArgument', async () => {
      const res = await expectNothingStored('nan-length.bin', () =>
        putSignedChunked('/integrity/nan-length.bin', [randomBytes(10)], { decodedLength: null, headers: { 'x-amz-decoded-content-length': 'ten' } }),
      );
      expect(res.status).toBe(400);
      expect(s3Error(res).code).toBe('InvalidArgument');
    });
  });

  describe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER', () => {
    it('stores the payload and checks the signed CRC32 trailer', async () => {
      const chunks = [randomBytes(10_000), randomBytes(3)];
      const payload = Buffer.concat(chunks);
      const res = await putSignedChunked('/integrity/signed-trailer.bin', chunks, { trailers: { 'x-amz-checksum-crc32': crc32Base64(payload) } });
      expect(res.status).toBe(200);
      expect(res.headers['x-amz-checksum-crc32']).toBe(crc32Base64(payload));
      await expectStored('signed-trailer.bin', payload);
    });

    it('a wrong trailer signature is 403 SignatureDoesNotMatch; nothing stored', async () => {
      const chunks = [randomBytes(10_000)];
      const res = await expectNothingStored('bad-trailer-sig.bin', () =>
        putSignedChunked('/integrity/bad-trailer-sig.bin', chunks, { trailers: { 'x-amz-checksum-crc32': crc32Base64(chunks[0]) }, tamperTrailer: true }),
      );
      expect(res.status).toBe(403);
      expect(s3Error(res).code).toBe('SignatureDoesNotMatch');
    });
  });

  describe('STREAMING-UNSIGNED-PAYLOAD-TRAILER', () => {
    it('stores the payload when the x-amz-checksum-crc32 trailer is right, and echoes it', async () => {
      const chunks = [randomBytes(70_000), randomBytes(1), randomBytes(200)];
      const payload = Buffer.concat(chunks);
      const res = await putUnsignedTrailer('/integrity/trailer.bin', chunks, { 'x-amz-checksum-crc32': crc32Base64(payload) });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe(`"${md5Hex(payload)}"`);
      expect(res.headers['x-amz-checksum-crc32']).toBe(crc32Base64(payload));
      await expectStored('trailer.bin', payload);
    });

    it('a wrong x-amz-checksum-crc32 trailer is 400 BadDigest; nothing stored', async () => {
      const chunks = [randomBytes(70_000), randomBytes(200)];
      const wrong = crc32Base64(Buffer.from('something else'));
      const res = await expectNothingStored('bad-trailer.bin', () => putUnsignedTrailer('/integrity/bad-trailer.bin', chunks, { 'x-amz-checksum-crc32': wrong }));
      expect(res.status).toBe(400);
      expect(s3Error(res).code).toBe('BadDigest');
    });

    it('a wrong trailer does not replace an existing object', async () => {
      await putObject(h, 'integrity', 'keep-trailer.txt', 'kept too');
      const res = await putUnsignedTrailer('/integrity/keep-trailer.txt', [Buffer.from('new')], { 'x-amz-checksum-crc32': crc32Base64(Buffer.from('old')) });
      expect(res.status).toBe(400);
      await expectStored('keep-trailer.txt', Buffer.from('kept too'));
    });

    it('a decoded length that does not match the payload is 400 IncompleteBody', async () => {
      const chunk = randomBytes(500);
      const res = await expectNothingStored('trailer-length.bin', () =>
        putUnsignedTrailer('/integrity/trailer-length.bin', [chunk], { 'x-amz-checksum-crc32': crc32Base64(chunk) }, { 'x-amz-decoded-content-length': '499' }),
      );
      expect(res.status).toBe(400);
      expect(s3Error(res).code).toBe('IncompleteBody');
    });
  });

  describe('Content-MD5', () => {
    it('a matching Content-MD5 is accepted', async () => {
      const body = Buffer.from('checked by md5');
      const res = await send(h, 'PUT', '/integrity/md5-ok.txt', { body, headers: { 'Content-MD5': md5Base64(body) } });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe(`"${md5Hex(body)}"`);
    });

    it('a mismatch is 400 BadDigest; nothing stored, and an existing object is not replaced', async () => {
      const res = await expectNothingStored('md5-bad.txt', () =>
        send(h, 'PUT', '/integrity/md5-bad.txt', { body: 'actual body', headers: { 'Content-MD5': md5Base64('another body') } }),
      );
      expect(res.status).toBe(400);
      expect(s3Error(res).code).toBe('BadDigest');

      await putObject(h, 'integrity', 'md5-existing.txt', 'first version');
      const before = blobFiles(h);
      const overwrite = await send(h, 'PUT', '/integrity/md5-existing.txt', { body: 'second version', headers: { 'Content-MD5': md5Base64('third version') } });
      expect(overwrite.status).toBe(400);
      expect(s3Error(overwrite).code).toBe('BadDigest');
      await expectStored('md5-existing.txt', Buffer.from('first version'));
      expect(blobFiles(h)).toEqual(before);
      expect(await objectRows(h, 'integrity', 'md5-existing.txt')).toBe(1);
    });

    it.each([
      ['not base64', 'not base64 at all!'],
      ['the hex digest', md5Hex('x')],
      ['a digest of the wrong length', Buffer.alloc(15).toString('base64')],
      ['empty', ''],
    ])('a Content-MD5 that is %s is 400 InvalidDigest', async (_name, value) => {
      const res = await expectNothingStored('md5-invalid.txt', () => send(h, 'PUT', '/integrity/md5-invalid.txt', { body: 'x', headers: { 'Content-MD5': value } }));
      expect(res.status).toBe(400);
      expect(s3Error(res).code).toBe('InvalidDigest');
    });
  });

  describe('x-amz-checksum-* headers', () => {
    it.each([
      ['crc32', crc32Base64],
      ['sha1', sha1Base64],
      ['sha256', sha256Base64],
    ])('a correct x-amz-checksum-%s is accepted and echoed on the PUT response', async (algorithm, digest) => {
      const body = randomBytes(5000);
      const res = await send(h, 'PUT', `/integrity/checksum-${algorithm}.bin`, { body, headers: { [`x-amz-checksum-${algorithm}`]: digest(body) } });
      expect(res.status).toBe(200);
      expect(res.headers[`x-amz-checksum-${algorithm}`]).toBe(digest(body));
      await expectStored(`checksum-${algorithm}.bin`, body);
    });

    it('the SDK form (x-amz-sdk-checksum-algorithm with the header) works', async () => {
      const body = randomBytes(100);
      const res = await send(h, 'PUT', '/integrity/sdk-crc32.bin', {
        body,
        headers: { 'x-amz-sdk-checksum-algorithm': 'CRC32', 'x-amz-checksum-crc32': crc32Base64(body) },
      });
      expect(res.status).toBe(200);
      expect(res.headers['x-amz-checksum-crc32']).toBe(crc32Base64(body));
    });

    it('a wrong x-amz-checksum-crc32 is 400 BadDigest; nothing stored', async () => {
      const res = await expectNothingStored('crc-bad.bin', () =>
        send(h, 'PUT', '/integrity/crc-bad.bin', { body: 'payload', headers: { 'x-amz-checksum-crc32': crc32Base64(Buffer.from('payloaD')) } }),
      );
      expect(res.status).toBe(400);
      expect(s3Error(res).code).toBe('BadDigest');
    });

    it('a malformed checksum value is 400 InvalidRequest; nothing stored', async () => {
      const res = await expectNothingStored('crc-malformed.bin', () =>
        send(h, 'PUT', '/integrity/crc-malformed.bin', { body: 'payload', headers: { 'x-amz-checksum-crc32': 'AAAAAAAA' } }),
      );
      expect(res.status).toBe(400);
      expect(s3Error(res).code).toBe('InvalidRequest');
    });
  });

  describe('a client that disconnects mid-upload', () => {
    /**
     * Declares `total` bytes, sends half, waits until the server is writing a temp file, then
     * destroys the socket.
     */
    async function abandonUpload(path: string, headers: Record<string, string>, firstHalf: Buffer): Promise<void> {
      const [host, port] = h.host.split(':');
      const req = http.request({ host, port: Number(port), method: 'PUT', path, headers });
      req.on('error', () => undefined); // the socket is destroyed on purpose
      let answered = false;
      req.on('response', () => {
        answered = true;
      });
      req.write(firstHalf);
      expect(await eventually(() => tempFiles(h).length > 0)).toBe(true);
      await sleep(50);
      req.destroy();
      expect(answered).toBe(false);
    }

    async function expectCleanedUp(key: string, before: string[]): Promise<void> {
      expect(await eventually(() => tempFiles(h).length === 0)).toBe(true);
      expect(await eventually(async () => (await objectRows(h, 'integrity', key)) === 0 && blobFiles(h).length === before.length)).toBe(true);
      expect(blobFiles(h)).toEqual(before);
      expect(await objectRows(h, 'integrity', key)).toBe(0);
      // The server is still fine afterwards.
      expect((await send(h, 'HEAD', '/integrity')).status).toBe(200);
    }

    it.each([
      ['UNSIGNED-PAYLOAD', 'UNSIGNED-PAYLOAD'],
      ['a signed sha256 payload', 'sha256'],
    ])('with %s: no object row, no temp file, no new blob file', async (name, mode) => {
      const key = `abandoned-${mode}.bin`;
      const path = `/integrity/${key}`;
      const whole = randomBytes(2 * 1024 * 1024);
      const before = blobFiles(h);
      const headers = {
        host: h.host,
        'content-length': String(whole.length),
        ...sign(h, 'PUT', path, { payloadHash: mode === 'sha256' ? sha256Hex(whole) : 'UNSIGNED-PAYLOAD' }),
      };
      await abandonUpload(path, headers, whole.subarray(0, whole.length / 2));
      await expectCleanedUp(key, before);
    });

    it('with an aws-chunked body: no object row, no temp file, no new blob file', async () => {
      const key = 'abandoned-chunked.bin';
      const path = `/integrity/${key}`;
      const chunk = randomBytes(1024 * 1024);
      const before = blobFiles(h);
      const framed = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n0\r\n\r\n')]);
      const headers = {
        host: h.host,
        'content-length': String(framed.length * 2),
        ...sign(h, 'PUT', path, {
          headers: { 'content-encoding': 'aws-chunked', 'x-amz-decoded-content-length': String(chunk.length * 2), 'x-amz-trailer': 'x-amz-checksum-crc32' },
          payloadHash: STREAMING_UNSIGNED_TRAILER,
        }),
      };
      await abandonUpload(path, headers, framed.subarray(0, framed.length - 7));
      await expectCleanedUp(key, before);
    });
  });
});
