import { loadOrCreateKeyFile } from './key-file';

/**
 * The 32-byte master key that wraps every secret at rest. Given by configuration (MASTER_KEY), or
 * generated on first start into a file readable only by the gateway's user. Losing it makes the
 * stored S3 secrets unusable, so operators back it up with the metadata.
 */
export function loadOrCreateMasterKey(options: { key?: Buffer; file: string }): Buffer {
  return options.key ?? loadOrCreateKeyFile(options.file, 'master key');
}
