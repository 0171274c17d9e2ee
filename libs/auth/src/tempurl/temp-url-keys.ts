/**
 * Where Swift keeps temp URL keys: account metadata `Temp-URL-Key` and `Temp-URL-Key-2`
 * (X-Account-Meta-Temp-URL-Key[-2]) and the same names in container metadata
 * (X-Container-Meta-Temp-URL-Key[-2]). Metadata names are stored lower case.
 *
 * API: `TEMP_URL_KEY` (the account entry a generated key is stored under), `tempUrlKeysOf(accountMeta,
 * containerMeta?)` -> the keys that are set, `newTempUrlKey()` -> 256 random bits in hex.
 */
import { randomBytes } from 'node:crypto';

export const TEMP_URL_KEY = 'temp-url-key';
const KEY_NAMES = [TEMP_URL_KEY, 'temp-url-key-2'];

export function tempUrlKeysOf(accountMeta: Record<string, string>, containerMeta: Record<string, string> = {}): string[] {
  return [accountMeta, containerMeta].flatMap((meta) => KEY_NAMES.map((name) => meta[name]).filter((key): key is string => !!key));
}

export const newTempUrlKey = (): string => randomBytes(32).toString('hex');
