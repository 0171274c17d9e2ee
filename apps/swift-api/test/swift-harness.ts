// Shared setup of the Swift wire tests: the app from `createSwiftApp` on its own database and
// blob dir (one per test file: PGlite is expensive), on a real loopback server.
import { openTestWorld, TestWorld } from '@gw/auth/testing';
import { createLogger } from '@gw/http';
import { listenOnLoopback } from '@gw/http/testing';
import { createSwiftApp } from '../src/app';

export const PUBLIC_URL = 'https://storage.example.com';
export const PASSWORD = 'swift-password-123';

export interface SwiftHarness {
  url: string;
  world: TestWorld;
  /** `/v1/AUTH_{accountId}` */
  accountPath: string;
  /** A valid X-Auth-Token of the admin user. */
  token: string;
  close(): Promise<void>;
}

export async function startSwiftHarness(): Promise<SwiftHarness> {
  const world = await openTestWorld({ accountName: 'swiftacct', userName: 'admin' });
  await world.identity.setPassword(world.userId, PASSWORD);
  const app = createSwiftApp({ ...world, publicUrl: PUBLIC_URL, logger: createLogger({ level: 'silent', name: 'swift-wire' }) });
  const server = await listenOnLoopback(app);
  const issued = await world.tokens.issue({ userId: world.userId, kind: 'auth', ttlSeconds: 600 });
  return {
    url: server.url,
    world,
    accountPath: `/v1/AUTH_${world.accountId}`,
    token: issued.token,
    async close() {
      await server.close();
      await world.close();
    },
  };
}
