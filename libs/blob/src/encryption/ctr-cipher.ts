import { createCipheriv, type Cipher } from 'node:crypto';

/** AES works on 16-byte blocks; CTR encrypts block i with the counter block iv + i. */
export const AES_BLOCK = 16;

const COUNTER_MODULUS = 1n << 128n;

/**
 * The counter block of block `index`: the 128-bit big-endian sum iv + index, wrapping at 2^128
 * exactly as OpenSSL increments the counter while it streams, so a read that starts mid-blob
 * meets the keystream a whole-blob read would have used there.
 */
export function counterBlock(iv: Buffer, index: number): Buffer {
  if (iv.length !== AES_BLOCK) throw new RangeError('a CTR counter block is 16 bytes');
  const sum = (BigInt(`0x${iv.toString('hex')}`) + BigInt(index)) % COUNTER_MODULUS;
  return Buffer.from(sum.toString(16).padStart(32, '0'), 'hex');
}

/**
 * An AES-256-CTR stream (a Transform) positioned at byte `offset` of a blob whose byte 0 uses
 * counter `iv`. CTR is its own inverse, so the same stream encrypts and decrypts. It seeks by
 * starting at block floor(offset / 16) and discarding the offset % 16 keystream bytes before
 * the offset, which is what lets a byte range of an encrypted blob be read without the rest.
 */
export function ctrCipherAt(dataKey: Buffer, iv: Buffer, offset = 0): Cipher {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`invalid offset ${offset}`);
  const cipher = createCipheriv('aes-256-ctr', dataKey, counterBlock(iv, Math.floor(offset / AES_BLOCK)));
  const skip = offset % AES_BLOCK;
  if (skip > 0) cipher.update(Buffer.alloc(skip));
  return cipher;
}
