// Shared setup of the /v1_ext wire tests: the app from `createV1extApp` on its own database and
// blob dir (one per test file: PGlite is expensive), on a real loopback server, with an admin,
// a member and a reader of one project and their X-Auth-Tokens.
import { openTestWorld, TestWorld } from '@gw/auth/testing';
import type { UserRole } from '@gw/core';
import { createLogger } from '@gw/http';
import { listenOnLoopback } from '@gw/http/testing';
import { createV1extApp } from '../src/app';

export interface V1extHarness {
  url: string;
  world: TestWorld;
  /** X-Auth-Tokens by role. */
  tokens: Record<UserRole, string>;
  close(): Promise<void>;
}

export async function startV1extHarness(): Promise<V1extHarness> {
  const world = await openTestWorld({ accountName: 'v1extacct', userName: 'admin' });
  const app = createV1extApp({ ...world, logger: createLogger({ level: 'silent', name: 'v1ext-wire' }) });
  const server = await listenOnLoopback(app);
  const tokenOf = async (userId: string) => (await world.tokens.issue({ userId, kind: 'auth', ttlSeconds: 600 })).token;
  const userOf = async (role: UserRole) => (await world.identity.createUser({ accountId: world.accountId, name: role, role })).id;
  return {
    url: server.url,
    world,
    tokens: { admin: await tokenOf(world.userId), member: await tokenOf(await userOf('member')), reader: await tokenOf(await userOf('reader')) },
    async close() {
      await server.close();
      await world.close();
    },
  };
}
