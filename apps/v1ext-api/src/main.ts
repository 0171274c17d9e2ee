// The v1ext-api dialect as its own process (the compose stack runs it behind the proxy).
import { openServices } from '@gw/auth';
import { loadConfig } from '@gw/config';
import { createLogger, serve } from '@gw/http';
import { createV1extApp } from './app';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, name: 'v1ext-api' });
  const { storage, identity, tokens, ready } = await openServices(config);
  const app = createV1extApp({ storage, identity, tokens, logger, ready, trustedProxies: config.trustedProxies });
  await serve(app, { host: config.host, port: config.port, logger, onShutdown: () => storage.close() });
  logger.info({ port: config.port }, 'v1ext-api listening');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
