// The S3 dialect as its own process (the compose stack runs it behind the proxy).
import { openServices } from '@gw/auth';
import { loadConfig } from '@gw/config';
import { createLogger, serve } from '@gw/http';
import { createS3App } from './app';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, name: 's3-api' });
  const { storage, identity, tokens, ready } = await openServices(config);
  const app = createS3App({ storage, identity, tokens, region: config.region, domain: config.s3.domain, logger, ready, trustedProxies: config.trustedProxies });
  await serve(app, { host: config.host, port: config.port, logger, onShutdown: () => storage.close() });
  logger.info({ port: config.port }, 's3-api listening');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
