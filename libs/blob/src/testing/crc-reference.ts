// Bit-at-a-time CRCs straight from the definition, for specs only: slow, but obviously right.

export function referenceCrc(width: 32 | 64, reflectedPoly: bigint, data: Uint8Array): bigint {
  const mask = (1n << BigInt(width)) - 1n;
  let crc = mask;
  for (const byte of data) {
    crc ^= BigInt(byte);
    for (let k = 0; k < 8; k++) crc = crc & 1n ? (crc >> 1n) ^ reflectedPoly : crc >> 1n;
  }
  return crc ^ mask;
}
