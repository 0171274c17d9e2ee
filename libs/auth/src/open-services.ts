import { openStorage, OpenedStorage } from '@gw/core';
import type { IdentityService } from './identity/identity-service';
import { openIdentity, openTokens } from './open-identity';
import type { TokenService } from './tokens/token-service';

/** The parts of the configuration a process needs to open the stores (a subset of GatewayConfig). */
export interface ServiceSettings {
  database: { url?: string; embeddedDir: string; poolMax: number };
  blob: { backend: 'fs'; dir: string };
  region: string;
  secrets: { masterKey?: Buffer; masterKeyFile: string; tokenKeyFile: string };
  limits: { maxObjectSize: number };
}

export interface GatewayServices {
  storage: OpenedStorage;
  identity: IdentityService;
  tokens: TokenService;
  /** Readiness: the metadata store answers. */
  ready(): Promise<void>;
}

/** Opens what every serving process works with: the storage core, identities and tokens. */
export async function openServices(settings: ServiceSettings, options: { migrate?: boolean } = {}): Promise<GatewayServices> {
  const storage = await openStorage({
    database: settings.database,
    blob: settings.blob,
    region: settings.region,
    secrets: settings.secrets,
    maxObjectSize: settings.limits.maxObjectSize,
    migrate: options.migrate,
  });
  return {
    storage,
    identity: openIdentity(storage.ctx.db, settings.secrets),
    tokens: openTokens(storage.ctx.db, settings.secrets),
    ready: async () => {
      await storage.ctx.db.knex.raw('select 1');
    },
  };
}
