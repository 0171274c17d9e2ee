import { loadOrCreateKeyFile } from './key-file';

/**
 * The 32-byte master key that wraps every secret at rest: the stored S3 secret keys (auth's
 * SecretBox) and the data key of every encrypted blob (MasterKeyWrapper). Given by configuration
 * (MASTER_KEY), or generated on first start into a file readable only by the gateway's user.
 * Losing it makes the stored S3 secrets and the encrypted objects unreadable, so operators back
 * it up with the metadata. It lives here, below both auth and core, so that every process that
 * opens the storage (the worker included) loads the same key the same way.
 */
export function loadOrCreateMasterKey(options: { key?: Buffer; file: string }): Buffer {
  return options.key ?? loadOrCreateKeyFile(options.file, 'master key');
}
