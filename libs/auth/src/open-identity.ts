import { hkdfSync } from 'node:crypto';
import { loadOrCreateKeyFile, loadOrCreateMasterKey } from '@gw/core';
import type { Database } from '@gw/metadata';
import { IdentityService } from './identity/identity-service';
import { SecretBox } from './secrets/secret-box';
import { TokenService } from './tokens/token-service';

/** The identity service over a database, with the master key from config or the data dir. */
export function openIdentity(db: Database, secrets: { masterKey?: Buffer; masterKeyFile: string }): IdentityService {
  const masterKey = loadOrCreateMasterKey({ key: secrets.masterKey, file: secrets.masterKeyFile });
  return new IdentityService(db, new SecretBox(masterKey));
}

/**
 * The token service over a database. Its signing key is derived from MASTER_KEY when the
 * deployment gives one (every replica of every app then verifies every other's tokens without a
 * shared file), else it is the key file of the data dir, created on first start.
 */
export function openTokens(db: Database, secrets: { masterKey?: Buffer; tokenKeyFile: string }): TokenService {
  const key = secrets.masterKey
    ? Buffer.from(hkdfSync('sha256', secrets.masterKey, Buffer.alloc(0), 'kos-gateway token signing key', 32))
    : loadOrCreateKeyFile(secrets.tokenKeyFile, 'token signing key');
  return new TokenService(db, key);
}
