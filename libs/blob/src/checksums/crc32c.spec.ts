import { randomBytes } from 'node:crypto';
import { crc32c } from './crc32c';
import { referenceCrc } from '../testing/crc-reference';

const ascii = (s: string) => Buffer.from(s, 'ascii');

describe('crc32c', () => {
  it('matches the CRC-32C check value', () => {
    expect(crc32c(ascii('123456789'))).toBe(0xe3069283);
  });

  it('is zero for no bytes', () => {
    expect(crc32c(new Uint8Array(0))).toBe(0);
  });

  it('matches the bitwise definition for every length around the 8-byte stride', () => {
    const data = randomBytes(70);
    for (let n = 0; n <= data.length; n++) {
      const slice = data.subarray(0, n);
      expect(crc32c(slice)).toBe(Number(referenceCrc(32, 0x82f63b78n, slice)));
    }
  });

  it('continues from a previous value wherever the data is split', () => {
    const data = randomBytes(1000);
    const whole = crc32c(data);
    for (const cut of [0, 1, 7, 8, 9, 500, 999, 1000]) {
      expect(crc32c(data.subarray(cut), crc32c(data.subarray(0, cut)))).toBe(whole);
    }
  });
});
