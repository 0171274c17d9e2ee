// The gateway under test as a child process: build it when missing, start it on a free port with a
// fresh DATA_DIR, wait for /readyz, stop it with SIGTERM.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface GatewaySettings {
  repoRoot: string;
  dataDir: string;
  accessKeyId: string;
  secretKey: string;
  region: string;
  /** The root user's Swift login (`account:user` and password for /auth/v1.0). */
  swift: { account: string; user: string; password: string };
  /** Extra node flags for the gateway process (e.g. --cpu-prof); from BENCH_GATEWAY_NODE_ARGS. */
  nodeArgs?: readonly string[];
}

export interface GatewayProcess {
  pid: number;
  endpoint: string;
  /** Resolves with the elapsed ms once GET /readyz answers 200; rejects if the process exits first. */
  waitReady(timeoutMs: number): Promise<number>;
  /** The last lines the gateway printed (stdout and stderr), for error messages. */
  outputTail(): string;
  stop(timeoutMs?: number): Promise<void>;
}

export function gatewayMainPath(repoRoot: string): string {
  return path.join(repoRoot, 'apps/gateway/dist/main.js');
}

/** Builds the gateway (and the libraries it depends on) when its dist is missing. */
export function ensureGatewayBuilt(repoRoot: string): { built: boolean } {
  if (fs.existsSync(gatewayMainPath(repoRoot))) return { built: false };
  console.log('apps/gateway/dist/main.js is missing: building (node tools/lib/build.js gateway)...');
  const result = spawnSync(process.execPath, ['tools/lib/build.js', 'gateway'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0 || !fs.existsSync(gatewayMainPath(repoRoot))) {
    throw new Error(`building the gateway failed (exit status ${result.status})`);
  }
  return { built: true };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The gateway's environment: what it is started with, and what opens its store from outside. */
export function gatewayEnv(settings: GatewaySettings, port?: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATA_DIR: settings.dataDir,
    HOST: '127.0.0.1',
    ...(port === undefined ? {} : { PORT: String(port) }),
    REGION: settings.region,
    ROOT_ACCESS_KEY: settings.accessKeyId,
    ROOT_SECRET_KEY: settings.secretKey,
    ROOT_ACCOUNT: settings.swift.account,
    ROOT_USER: settings.swift.user,
    ROOT_PASSWORD: settings.swift.password,
    LOG_LEVEL: 'warn',
    WORKER: 'true',
  };
}

export async function startGateway(settings: GatewaySettings): Promise<GatewayProcess> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [...(settings.nodeArgs ?? []), gatewayMainPath(settings.repoRoot)], {
    cwd: settings.repoRoot,
    env: gatewayEnv(settings, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('could not start the gateway process');

  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(...chunk.toString('utf8').split('\n').filter((line) => line.trim() !== ''));
    if (tail.length > 40) tail.splice(0, tail.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let exitInfo: string | undefined;
  let stopping = false;
  child.once('error', (error) => keep(Buffer.from(`[spawn error] ${error.message}`)));
  // Last resort when this process ends without the orderly stop (an exception in a callback).
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = signal ? `signal ${signal}` : `code ${code}`;
      process.removeListener('exit', killOnExit);
      if (!stopping) console.error(`[bench] the gateway (pid ${child.pid}) exited unexpectedly (${exitInfo}); its last output:\n${tail.join('\n')}`);
      resolve();
    });
  });
  const outputTail = () => tail.join('\n');

  return {
    pid: child.pid,
    endpoint,
    outputTail,
    async waitReady(timeoutMs) {
      const started = performance.now();
      while (performance.now() - started < timeoutMs) {
        if (exitInfo) throw new Error(`the gateway exited (${exitInfo}) before it was ready:\n${outputTail()}`);
        if ((await readyStatus(endpoint)) === 200) return performance.now() - started;
        await sleep(200);
      }
      throw new Error(`the gateway was not ready after ${timeoutMs} ms:\n${outputTail()}`);
    },
    async stop(timeoutMs = 15_000) {
      stopping = true;
      if (exitInfo) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        console.error(`[bench] the gateway did not stop within ${timeoutMs} ms of SIGTERM: SIGKILL`);
        child.kill('SIGKILL');
      }, timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

function readyStatus(endpoint: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = http.get(`${endpoint}/readyz`, { agent: false, timeout: 2000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}
