import { FsBlobStore, loadOrCreateMasterKey, MasterKeyWrapper } from '@gw/blob';
import { openDatabase } from '@gw/metadata';
import { createStorage, Storage } from './storage';
import { DEFAULT_LIMITS } from './storage-context';

export interface OpenStorageOptions {
  database: { url?: string; embeddedDir: string; poolMax: number };
  blob: { backend: 'fs'; dir: string };
  region: string;
  /**
   * The master key (MASTER_KEY, else the key file of the data dir, created on first start): it
   * wraps the data key of every encrypted object, as it wraps the stored S3 secrets.
   */
  secrets: { masterKey?: Buffer; masterKeyFile: string };
  maxObjectSize?: number;
  /** Apply pending migrations (default: only for the embedded store). */
  migrate?: boolean;
}

export interface OpenedStorage extends Storage {
  close(): Promise<void>;
}

/** Opens the metadata store and the blob store and builds the core on them. */
export async function openStorage(options: OpenStorageOptions): Promise<OpenedStorage> {
  const db = await openDatabase({ ...options.database, migrate: options.migrate });
  try {
    const blobs = await FsBlobStore.open(options.blob.dir);
    const storage = createStorage({
      db,
      blobs,
      region: options.region,
      keys: new MasterKeyWrapper(loadOrCreateMasterKey({ key: options.secrets.masterKey, file: options.secrets.masterKeyFile })),
      limits: { ...DEFAULT_LIMITS, maxObjectSize: options.maxObjectSize ?? DEFAULT_LIMITS.maxObjectSize },
    });
    return { ...storage, close: () => db.close() };
  } catch (error) {
    await db.close();
    throw error;
  }
}
