// The split deployment of docker-compose.yml as local processes (no Docker engine needed):
// migrate + bootstrap, then the S3, Swift, /v1_ext and KOS apps and the lifecycle worker, each
// its own process on the given Postgres, behind a path-routing proxy on STACK_PORT.
//   DATABASE_URL=postgres://... [STACK_PORT=8080] [DATA_DIR=...] npm run stack
import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { dialectFor } from '../../apps/gateway/src/dialect-routing';
import { createPathProxy, Upstreams } from './path-proxy';

const ROOT = path.resolve(__dirname, '../..');
const APPS = { s3: 's3-api', swift: 'swift-api', v1ext: 'v1ext-api', kos: 'kos-api' } as const;

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL must name a Postgres server: the split deployment shares its metadata.');
  const port = Number(process.env.STACK_PORT ?? 8080);
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, 'data-stack'));
  mkdirSync(dataDir, { recursive: true });
  // Every process must seal and open secrets with the same master key.
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    MASTER_KEY: process.env.MASTER_KEY ?? randomBytes(32).toString('hex'),
    TRUSTED_PROXIES: '127.0.0.1,::1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  if (!process.env.MASTER_KEY) console.log(`[stack] MASTER_KEY=${env.MASTER_KEY} (generated; pass it again to reuse this data)`);

  if (!existsSync(path.join(ROOT, 'apps/gateway/dist/main.js')) || process.env.STACK_BUILD !== '0') run('node', ['tools/lib/build.js', 'gateway']);
  run(path.join(ROOT, 'node_modules/.bin/tsx'), ['tools/migrate.ts', '--bootstrap'], env);

  const children: ChildProcess[] = [];
  const upstreams: Upstreams = {};
  let next = port + 1;
  for (const [dialect, app] of Object.entries(APPS)) {
    upstreams[dialect] = { host: '127.0.0.1', port: next };
    children.push(start(app, `apps/${app}/dist/main.js`, { ...env, PORT: String(next++) }));
  }
  children.push(start('lifecycle-worker', 'apps/lifecycle-worker/dist/main.js', env));

  const proxy = createPathProxy(dialectFor, upstreams);
  await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
  await Promise.all(Object.values(upstreams).map((u) => waitReady(u.port)));
  console.log(`[stack] ready on http://127.0.0.1:${port} (apps on ${port + 1}..${port + 4}, worker running)`);

  const stop = () => {
    proxy.close();
    for (const child of children) child.kill('SIGTERM');
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  for (const child of children) child.once('exit', (code) => code !== 0 && code !== null && stop());
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

function start(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [script], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  child.once('exit', (code, signal) => console.log(`[stack] ${name} exited (${signal ?? code})`));
  return child;
}

async function waitReady(port: number): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app on port ${port} did not become ready`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
