import { join } from 'node:path';
import { FsBlobStore, loadOrCreateMasterKey, MasterKeyWrapper } from '@gw/blob';
import { createStorage, DEFAULT_LIMITS, Storage } from '@gw/core';
import type { UserRole } from '@gw/metadata';
import { createTestDatabase, TestDatabase } from '@gw/metadata/testing';
import type { IdentityService } from '../identity/identity-service';
import { openIdentity, openTokens } from '../open-identity';
import type { TokenService } from '../tokens/token-service';

export interface TestWorld {
  t: TestDatabase;
  region: string;
  storage: Storage;
  identity: IdentityService;
  tokens: TokenService;
  blobDir: string;
  accountId: string;
  userId: string;
  accessKey: string;
  secretKey: string;
  close(): Promise<void>;
}

/**
 * What a dialect test needs before its first request: a migrated test database, the core on a
 * blob dir of its own, the identity service, and one account whose user holds an S3 credential.
 */
export async function openTestWorld(options: { accountName?: string; userName?: string; role?: UserRole } = {}): Promise<TestWorld> {
  const region = 'kr-central-2';
  const t = await createTestDatabase();
  try {
    const blobDir = join(t.dir, 'blobs');
    const masterKeyFile = join(t.dir, 'master.key');
    // One master key for both, as openStorage and openIdentity share it in a real process.
    const keys = new MasterKeyWrapper(loadOrCreateMasterKey({ file: masterKeyFile }));
    const storage = createStorage({ db: t.db, blobs: await FsBlobStore.open(blobDir), keys, region, limits: DEFAULT_LIMITS });
    const identity = openIdentity(t.db, { masterKeyFile });
    const tokens = openTokens(t.db, { tokenKeyFile: join(t.dir, 'token-signing.key') });
    const account = await storage.accounts.create({ name: options.accountName ?? 'tests' });
    const user = await identity.createUser({ accountId: account.id, name: options.userName ?? 'tester', role: options.role ?? 'admin' });
    const { credential, secretKey } = await identity.createCredential({ userId: user.id });
    return {
      t,
      region,
      storage,
      identity,
      tokens,
      blobDir,
      accountId: account.id,
      userId: user.id,
      accessKey: credential.accessKey,
      secretKey,
      close: () => t.cleanup(),
    };
  } catch (error) {
    await t.cleanup();
    throw error;
  }
}
