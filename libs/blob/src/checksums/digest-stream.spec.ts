import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDigester } from './digester';
import { createDigestStream } from './digest-stream';

describe('createDigestStream', () => {
  it('passes bytes through unchanged and digests them', async () => {
    const chunks = [randomBytes(10), randomBytes(70_000), randomBytes(1)];
    const stream = createDigestStream(['crc64nvme', 'md5']);
    const out: Buffer[] = [];
    await pipeline(
      Readable.from(chunks),
      stream,
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          out.push(chunk);
          callback();
        },
      }),
    );
    const body = Buffer.concat(chunks);
    const expected = createDigester(['crc64nvme', 'md5']);
    expected.update(body);
    expect(Buffer.concat(out).equals(body)).toBe(true);
    expect(stream.bytes).toBe(body.length);
    expect(stream.digests()).toEqual(expected.digests());
  });

  it('refuses to give digests before the end', async () => {
    const stream = createDigestStream(['crc32']);
    stream.write(Buffer.from('partial'));
    expect(stream.bytes).toBe(7);
    expect(() => stream.digests()).toThrow(/ended/);
    stream.destroy();
  });
});
