import { createCipheriv, createDecipheriv } from 'node:crypto';

/**
 * Wraps the data key of each encrypted blob under a key the gateway keeps elsewhere (the master
 * key), so that the wrapped key can be stored beside the blob's reference in the metadata: the
 * metadata alone, or the blobs alone, reveal nothing.
 */
export interface KeyWrapper {
  wrap(dataKey: Buffer): string;
  /** The data key back; throws when the value was not wrapped by this key (or was altered). */
  unwrap(wrapped: string): Buffer;
}

const VERSION = 'kw1';
// RFC 3394's default initial value: unwrapping checks it, which detects a wrong key or tampering.
const KW_IV = Buffer.from('A6A6A6A6A6A6A6A6', 'hex');

/**
 * AES-256 Key Wrap (RFC 3394, NIST SP 800-38F "KW") under the master key: made for wrapping
 * keys, deterministic (no nonce to manage), with an integrity check. Stored as
 * `kw1.<base64 of the 40-byte wrapped key>`; the version leaves room for a rotated master key.
 */
export class MasterKeyWrapper implements KeyWrapper {
  constructor(private readonly masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('MasterKeyWrapper needs a 32-byte key');
  }

  wrap(dataKey: Buffer): string {
    if (dataKey.length !== 32) throw new Error('data keys are 32 bytes');
    const cipher = createCipheriv('id-aes256-wrap', this.masterKey, KW_IV);
    return `${VERSION}.${Buffer.concat([cipher.update(dataKey), cipher.final()]).toString('base64')}`;
  }

  unwrap(wrapped: string): Buffer {
    const [version, body, extra] = wrapped.split('.');
    if (version !== VERSION || !body || extra !== undefined) throw new Error('unknown wrapped key format');
    try {
      const decipher = createDecipheriv('id-aes256-wrap', this.masterKey, KW_IV);
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]);
    } catch (cause) {
      // OpenSSL's own message ("unsupported state") says nothing useful here.
      throw new Error('the data key does not unwrap with this master key', { cause });
    }
  }
}
