import { randomBytes } from 'node:crypto';
import { Crc64Nvme } from './crc64nvme';
import { referenceCrc } from '../testing/crc-reference';

const crc64 = (...parts: Uint8Array[]) => {
  const crc = new Crc64Nvme();
  for (const part of parts) crc.update(part);
  return crc.digest().toString('hex');
};

describe('Crc64Nvme', () => {
  it('matches the CRC-64/NVME check value', () => {
    expect(crc64(Buffer.from('123456789', 'ascii'))).toBe('ae8b14860a799888');
  });

  it('is zero for no bytes', () => {
    expect(crc64()).toBe('0000000000000000');
  });

  it('matches the bitwise definition for every length around the 8-byte stride', () => {
    const data = randomBytes(70);
    for (let n = 0; n <= data.length; n++) {
      const slice = data.subarray(0, n);
      const expected = referenceCrc(64, 0x9a6c9329ac4bc9b5n, slice).toString(16).padStart(16, '0');
      expect(crc64(slice)).toBe(expected);
    }
  });

  it('gives the same digest wherever the data is split', () => {
    const data = randomBytes(1000);
    const whole = crc64(data);
    for (const cut of [0, 1, 3, 8, 13, 500, 999, 1000]) {
      expect(crc64(data.subarray(0, cut), data.subarray(cut))).toBe(whole);
    }
  });
});
