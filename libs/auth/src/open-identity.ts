import type { Database } from '@gw/metadata';
import { IdentityService } from './identity/identity-service';
import { loadOrCreateMasterKey } from './secrets/master-key';
import { SecretBox } from './secrets/secret-box';

/** The identity service over a database, with the master key from config or the data dir. */
export function openIdentity(db: Database, secrets: { masterKey?: Buffer; masterKeyFile: string }): IdentityService {
  const masterKey = loadOrCreateMasterKey({ key: secrets.masterKey, file: secrets.masterKeyFile });
  return new IdentityService(db, new SecretBox(masterKey));
}
