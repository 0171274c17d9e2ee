// AWS UriEncode (the encoding every canonical string of SigV4 uses) and the lenient
// percent-decoding that turns what a client sent back into the bytes it meant.

const HEX = '0123456789ABCDEF';

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || // -
    byte === 0x2e || // .
    byte === 0x5f || // _
    byte === 0x7e // ~
  );
}

/** UriEncode over bytes: works on the raw bytes so that a key that is not valid UTF-8 still round-trips. */
export function uriEncodeBytes(bytes: Uint8Array, encodeSlash: boolean): string {
  let out = '';
  for (const byte of bytes) {
    if (isUnreserved(byte) || (byte === 0x2f && !encodeSlash)) out += String.fromCharCode(byte);
    else out += '%' + HEX[byte >> 4] + HEX[byte & 0x0f];
  }
  return out;
}

/**
 * AWS UriEncode: A-Za-z0-9-._~ stay, everything else becomes %XX (uppercase) of its UTF-8 bytes;
 * '/' stays only when `encodeSlash` is false (object key names in the path).
 */
export function uriEncode(str: string, encodeSlash: boolean): string {
  return uriEncodeBytes(Buffer.from(str, 'utf8'), encodeSlash);
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/**
 * Percent-decodes to bytes. A '%' not followed by two hex digits is kept literally (the AWS test
 * suite's post-vanilla-query-nonunreserved signs a bare '%' as %25), and '+' is a literal plus, not
 * a space: SDKs never send a raw '+', and the suite signs one as %2B.
 */
export function percentDecode(str: string): Buffer {
  const text = Buffer.from(str, 'utf8');
  const out = Buffer.allocUnsafe(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const byte = text[i];
    if (byte === 0x25 && i + 2 < text.length) {
      const hi = hexValue(text[i + 1]);
      const lo = hexValue(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out[n++] = (hi << 4) | lo;
        i += 2;
        continue;
      }
    }
    out[n++] = byte;
  }
  return out.subarray(0, n);
}
