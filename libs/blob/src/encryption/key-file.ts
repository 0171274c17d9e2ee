import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A 32-byte key kept as hex in a file readable only by the gateway's user: read when it exists,
 * generated on first start otherwise. Processes sharing a data dir may start together: the file
 * is created exclusively, and the loser of that race reads the winner's key instead of failing.
 */
export function loadOrCreateKeyFile(file: string, what: string): Buffer {
  const existing = readKeyFile(file, what);
  if (existing) return existing;
  const key = randomBytes(32);
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readKeyFile(file, what) ?? key;
  }
}

function readKeyFile(file: string, what: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (!/^[0-9a-fA-F]{64}$/.test(text)) throw new Error(`${file}: the ${what} must be 64 hex characters.`);
  return Buffer.from(text, 'hex');
}
