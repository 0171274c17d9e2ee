import type { Database } from '@gw/metadata';
import { IdentityService } from './identity/identity-service';
import { loadOrCreateKeyFile } from './secrets/key-file';
import { loadOrCreateMasterKey } from './secrets/master-key';
import { SecretBox } from './secrets/secret-box';
import { TokenService } from './tokens/token-service';

/** The identity service over a database, with the master key from config or the data dir. */
export function openIdentity(db: Database, secrets: { masterKey?: Buffer; masterKeyFile: string }): IdentityService {
  const masterKey = loadOrCreateMasterKey({ key: secrets.masterKey, file: secrets.masterKeyFile });
  return new IdentityService(db, new SecretBox(masterKey));
}

/** The token service over a database, signing with the key of the data dir (created on first start). */
export function openTokens(db: Database, secrets: { tokenKeyFile: string }): TokenService {
  return new TokenService(db, loadOrCreateKeyFile(secrets.tokenKeyFile, 'token signing key'));
}
