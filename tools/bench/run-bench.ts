// `npm run bench`: starts the all-in-one gateway on a scratch data dir and measures single-stream
// PUT/GET throughput of a large object against a plain fs copy on the same disk, the gateway's
// peak memory, and 4 KiB PUT/GET operations per second. Options: BENCH_SIZE_MIB (1024),
// BENCH_SMALL_OPS (2000), BENCH_CONCURRENCY (16), BENCH_DIR (os.tmpdir()), BENCH_GATEWAY_NODE_ARGS
// (extra node flags for the gateway, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Cleanup } from './cleanup';
import { ensureGatewayBuilt, startGateway } from './gateway-process';
import { measureFsCopy } from './measure-fs-copy';
import { measureLargeGet, measureLargePut } from './measure-large-object';
import { measureSmallObjects } from './measure-small-objects';
import { readOptions } from './options';
import { createRandomFile } from './random-file';
import { renderJsonLine, renderReport } from './report';
import { readRssMiB } from './rss-sampler';
import { S3RawClient } from './s3-raw-client';
import { createTempWorkspace } from './temp-workspace';

const REPO_ROOT = path.resolve(__dirname, '../..');
const REGION = 'kr-central-2';
const BUCKET = 'bench';
const READY_TIMEOUT_MS = 120_000;

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const randomAlnum = (length: number) => Array.from(randomBytes(length), (b) => ALNUM[b % ALNUM.length]).join('');

const step = (message: string) => console.log(`[bench] ${message}`);

async function main(cleanup: Cleanup): Promise<void> {
  const options = readOptions();

  if (ensureGatewayBuilt(REPO_ROOT).built) step('gateway built');
  const workspace = await createTempWorkspace(options.baseDir, REPO_ROOT);
  cleanup.add('remove the temp dir', () => workspace.remove());
  step(`temp dir ${workspace.dir} (under ${options.baseDirSource} = ${options.baseDir}); ` +
    `${workspace.sameDeviceAsRepo ? 'same device as the repo' : 'WARNING: not the same device as the repo (set BENCH_DIR)'}`);

  step(`writing a ${options.sizeMiB} MiB random file...`);
  const file = await createRandomFile(path.join(workspace.dir, 'source.bin'), options.sizeMiB);

  step('measuring the fs reference (stream copy + fdatasync)...');
  const fsCopy = await measureFsCopy(file.path, path.join(workspace.dir, 'copy.bin'));

  const credentials = { accessKeyId: randomAlnum(20), secretKey: randomBytes(30).toString('base64url'), region: REGION };
  const gateway = await startGateway({ repoRoot: REPO_ROOT, dataDir: path.join(workspace.dir, 'data'), nodeArgs: options.gatewayNodeArgs, ...credentials });
  // Registered after the temp dir, so it runs before it: stop the gateway, then delete its data.
  cleanup.add('stop the gateway', () => gateway.stop());
  step(`gateway pid ${gateway.pid} at ${gateway.endpoint}; waiting for /readyz...`);
  const startupMs = await gateway.waitReady(READY_TIMEOUT_MS);
  const idleRssMiB = readRssMiB(gateway.pid);

  const client = new S3RawClient({ endpoint: gateway.endpoint, ...credentials });
  await client.createBucket(BUCKET);

  step('single-stream PUT...');
  const put = await measureLargePut(client, BUCKET, 'large.bin', file, gateway.pid);
  step('single-stream GET...');
  const get = await measureLargeGet(client, BUCKET, 'large.bin', file.bytes, gateway.pid);
  step(`${options.smallOps} x 4 KiB PUT then GET at concurrency ${options.concurrency}...`);
  const small = await measureSmallObjects(client, BUCKET, options.smallOps, options.concurrency, gateway.pid);

  const results = { sizeMiB: options.sizeMiB, concurrency: options.concurrency, dataDir: workspace.dir, startupMs, idleRssMiB, fsCopy, put, get, small };
  console.log(`\n${renderReport(results)}\n`);
  console.log(renderJsonLine(results));
}

const cleanup = new Cleanup();
cleanup.exitOnSignals();
main(cleanup)
  .catch((error) => {
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => cleanup.run());
