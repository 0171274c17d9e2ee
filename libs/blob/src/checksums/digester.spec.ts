import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { CHECKSUM_ALGORITHMS } from '../blob-store';
import { createDigester, isChecksumAlgorithm } from './digester';

const ALL = [...CHECKSUM_ALGORITHMS, 'md5'] as const;

function digestsOf(...parts: Buffer[]) {
  const digester = createDigester(ALL);
  for (const part of parts) digester.update(part);
  return digester.digests();
}

describe('createDigester', () => {
  // Values as S3 returns them in x-amz-checksum-* headers and the ETag.
  it('encodes the empty body as S3 does', () => {
    expect(digestsOf()).toEqual({
      crc32: 'AAAAAA==',
      crc32c: 'AAAAAA==',
      crc64nvme: 'AAAAAAAAAAA=',
      sha1: '2jmj7l5rSw0yVb/vlWAYkK/YBwk=',
      sha256: '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
      md5: 'd41d8cd98f00b204e9800998ecf8427e',
    });
  });

  it('encodes "hello world" as S3 does', () => {
    expect(digestsOf(Buffer.from('hello '), Buffer.from('world'))).toEqual({
      crc32: 'DUoRhQ==',
      crc32c: 'yZRlqg==',
      crc64nvme: 'jSnVw/bqjr4=',
      sha1: 'Kq5sNclPz7QV2+lfQIuc6R7oRu0=',
      sha256: 'uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=',
      md5: '5eb63bbbe01eeed093cb22bb8f5acdc3',
    });
  });

  it('agrees with zlib and crypto on random data fed in pieces', () => {
    const data = randomBytes(100_000);
    const digests = digestsOf(data.subarray(0, 33_333), data.subarray(33_333));
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(data));
    expect(digests.crc32).toBe(crc.toString('base64'));
    expect(digests.sha1).toBe(createHash('sha1').update(data).digest('base64'));
    expect(digests.sha256).toBe(createHash('sha256').update(data).digest('base64'));
    expect(digests.md5).toBe(createHash('md5').update(data).digest('hex'));
  });

  it('returns only the requested algorithms, once each', () => {
    const digester = createDigester(['crc32c', 'crc32c', 'md5']);
    digester.update(Buffer.from('123456789'));
    expect(digester.digests()).toEqual({ crc32c: '4waSgw==', md5: '25f9e794323b453885f5181f1b624d0b' });
  });

  it('keeps its result and refuses bytes after finalizing', () => {
    const digester = createDigester(['sha256']);
    const first = digester.digests();
    expect(digester.digests()).toBe(first);
    expect(() => digester.update(Buffer.from('late'))).toThrow();
  });
});

describe('isChecksumAlgorithm', () => {
  it('accepts the S3 checksum names only', () => {
    expect(CHECKSUM_ALGORITHMS.every(isChecksumAlgorithm)).toBe(true);
    expect(isChecksumAlgorithm('md5')).toBe(false);
    expect(isChecksumAlgorithm('CRC32')).toBe(false);
    expect(isChecksumAlgorithm(undefined)).toBe(false);
  });
});
