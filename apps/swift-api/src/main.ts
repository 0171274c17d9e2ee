// The swift-api dialect as its own process (the compose stack runs it behind the proxy).
import { openIdentity, openTokens } from '@gw/auth';
import { loadConfig } from '@gw/config';
import { openStorage } from '@gw/core';
import { createLogger, serve } from '@gw/http';
import { createSwiftApp } from './app';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, name: 'swift-api' });
  const storage = await openStorage({
    database: config.database,
    blob: config.blob,
    region: config.region,
    secrets: config.secrets,
    maxObjectSize: config.limits.maxObjectSize,
  });
  const identity = openIdentity(storage.ctx.db, config.secrets);
  const tokens = openTokens(storage.ctx.db, config.secrets);
  const ready = async () => {
    await storage.ctx.db.knex.raw('select 1');
  };
  const app = createSwiftApp({ storage, identity, tokens, publicUrl: config.publicUrl, logger, ready, trustedProxies: config.trustedProxies });
  await serve(app, { host: config.host, port: config.port, logger, onShutdown: () => storage.close() });
  logger.info({ port: config.port }, 'swift-api listening');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
