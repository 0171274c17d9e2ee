import { createCipheriv, randomBytes } from 'node:crypto';
import { AES_BLOCK, counterBlock, ctrCipherAt } from './ctr-cipher';

const encryptWhole = (key: Buffer, iv: Buffer, data: Buffer): Buffer => {
  const cipher = createCipheriv('aes-256-ctr', key, iv);
  return Buffer.concat([cipher.update(data), cipher.final()]);
};
const through = (key: Buffer, iv: Buffer, offset: number, data: Buffer): Buffer => {
  const cipher = ctrCipherAt(key, iv, offset);
  return Buffer.concat([cipher.update(data), cipher.final()]);
};

describe('counterBlock', () => {
  it('adds the block index to the 128-bit big-endian counter', () => {
    const iv = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
    expect(counterBlock(iv, 0).equals(iv)).toBe(true);
    expect(counterBlock(iv, 1).toString('hex')).toBe('000102030405060708090a0b0c0d0e10');
    expect(counterBlock(iv, 0xf1).toString('hex')).toBe('000102030405060708090a0b0c0d0f00');
    expect(counterBlock(Buffer.from('00000000000000000000ffffffffffff', 'hex'), 1).toString('hex')).toBe('00000000000000000001000000000000');
  });

  it('wraps at 2^128 as OpenSSL does', () => {
    expect(counterBlock(Buffer.alloc(16, 0xff), 1).equals(Buffer.alloc(16))).toBe(true);
    expect(counterBlock(Buffer.alloc(16, 0xff), 3).toString('hex')).toBe('00000000000000000000000000000002');
  });

  it('refuses a counter block of another size', () => {
    expect(() => counterBlock(Buffer.alloc(12), 0)).toThrow(RangeError);
  });
});

describe('ctrCipherAt', () => {
  const key = randomBytes(32);

  it.each([
    ['a random counter', randomBytes(16)],
    ['a counter about to wrap around', Buffer.from('fffffffffffffffffffffffffffffffd', 'hex')],
  ])('with %s, decrypts from every offset what a whole-blob pass produced', (_name, iv) => {
    const plaintext = randomBytes(5 * AES_BLOCK + 7);
    const ciphertext = encryptWhole(key, iv, plaintext);
    expect(through(key, iv, 0, plaintext).equals(ciphertext)).toBe(true);
    for (let start = 0; start < plaintext.length; start++) {
      // Every start offset mod 16, with ends inside the same block and across later blocks.
      for (const end of [start, start + 1, start + AES_BLOCK - 1, start + AES_BLOCK, plaintext.length - 1]) {
        if (end < start || end >= plaintext.length) continue;
        const slice = through(key, iv, start, ciphertext.subarray(start, end + 1));
        expect({ start, end, ok: slice.equals(plaintext.subarray(start, end + 1)) }).toEqual({ start, end, ok: true });
      }
    }
  });

  it('gives the same bytes whatever the chunking of the stream', () => {
    const iv = randomBytes(16);
    const plaintext = randomBytes(1000);
    const cipher = ctrCipherAt(key, iv, 0);
    const pieces = [1, 15, 16, 17, 33, 918].map((size, i, all) => {
      const from = all.slice(0, i).reduce((a, b) => a + b, 0);
      return cipher.update(plaintext.subarray(from, from + size));
    });
    expect(Buffer.concat([...pieces, cipher.final()]).equals(encryptWhole(key, iv, plaintext))).toBe(true);
  });

  it('refuses a negative or fractional offset', () => {
    expect(() => ctrCipherAt(key, randomBytes(16), -1)).toThrow(RangeError);
    expect(() => ctrCipherAt(key, randomBytes(16), 1.5)).toThrow(RangeError);
  });
});
