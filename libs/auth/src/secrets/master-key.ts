import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The 32-byte master key that wraps every secret at rest. Given by configuration (MASTER_KEY), or
 * generated on first start into a file readable only by the gateway's user. Losing it makes the
 * stored S3 secrets unusable, so operators back it up with the metadata.
 */
export function loadOrCreateMasterKey(options: { key?: Buffer; file: string }): Buffer {
  if (options.key) return options.key;
  try {
    return parseKey(readFileSync(options.file, 'utf8').trim(), options.file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  mkdirSync(dirname(options.file), { recursive: true });
  writeFileSync(options.file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

function parseKey(hex: string, source: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error(`${source}: the master key must be 64 hex characters.`);
  return Buffer.from(hex, 'hex');
}
