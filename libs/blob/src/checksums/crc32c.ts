// CRC-32C (Castagnoli), as S3's `x-amz-checksum-crc32c`: reflected polynomial 0x82F63B78,
// init and final xor 0xFFFFFFFF. Check value of ASCII "123456789": 0xE3069283.
// Slicing-by-8: table k maps a byte followed by k zero bytes, so one iteration folds 8 input
// bytes with 8 independent lookups instead of 8 dependent ones.

const POLY = 0x82f63b78;
const T = buildTables();

function buildTables(): Uint32Array {
  const t = new Uint32Array(8 * 256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
    t[i] = c;
  }
  for (let k = 1; k < 8; k++) {
    for (let i = 0; i < 256; i++) {
      const prev = t[(k - 1) * 256 + i];
      t[k * 256 + i] = (prev >>> 8) ^ t[prev & 0xff];
    }
  }
  return t;
}

/**
 * CRC-32C of `data`, continuing from `value` (the result of a previous call), in the same
 * style as `zlib.crc32(data, value)`.
 */
export function crc32c(data: Uint8Array, value = 0): number {
  let c = ~value;
  let i = 0;
  const n = data.length;
  for (; i + 8 <= n; i += 8) {
    c ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    c =
      T[1792 + (c & 0xff)] ^
      T[1536 + ((c >>> 8) & 0xff)] ^
      T[1280 + ((c >>> 16) & 0xff)] ^
      T[1024 + (c >>> 24)] ^
      T[768 + data[i + 4]] ^
      T[512 + data[i + 5]] ^
      T[256 + data[i + 6]] ^
      T[data[i + 7]];
  }
  for (; i < n; i++) c = T[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
