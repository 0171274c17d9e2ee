// `npm run bench`: starts the all-in-one gateway on a scratch data dir and measures single-stream
// PUT/GET throughput of a large object against a plain fs copy on the same disk, the gateway's
// memory, and 4 KiB PUT/GET operations per second, over S3 and then over Swift (the same
// measurements, the same gateway process, printed side by side with the Swift / S3 ratio); then scale: a multipart upload of 2 GiB in
// 64 MiB parts at concurrency 4 and a GET of it, CompleteMultipartUpload with 10 versus 1,000 parts,
// and ListObjectsV2 page times in a bucket of 10,000 and then 100,000 keys. Prints figures and a
// `BENCH_RESULT {...}` JSON line; never fails on them.
// Options (env): BENCH_SIZE_MIB (1024), BENCH_SMALL_OPS (2000), BENCH_CONCURRENCY (16; also the
// PUTs that fill the listing bucket), BENCH_DIR (os.tmpdir()), BENCH_RESTART (1; 0 measures the
// first-start process), BENCH_GATEWAY_NODE_ARGS (extra node flags for the gateway, e.g.
// "--cpu-prof --cpu-prof-dir=/tmp/p"),
// BENCH_MULTIPART_MIB (2048; 0 skips), BENCH_PART_MIB (64), BENCH_PART_CONCURRENCY (4; also for the
// Complete uploads), BENCH_COMPLETE_PARTS ("10,1000"; 0 skips): the parts are 5 MiB, S3's minimum,
// so 1,000 parts upload 5,000 MiB first: lower the count on a small disk ("10,200"),
// BENCH_LIST_KEYS ("10000,100000"; 0 skips), BENCH_LIST_PREFIXES (100), BENCH_LIST_FILL (direct:
// the first size is put through the API, the growth beyond it inserted into the store with the
// gateway stopped, because PUTs are too slow for 100,000 keys in the time budget; api: every key
// through PUT).
// Disk: about BENCH_SIZE_MIB x 4 + BENCH_MULTIPART_MIB + 5 MiB x the part counts (~10 GiB by default).
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Cleanup } from './cleanup';
import { insertKeysDirectly } from './direct-fill';
import { ensureGatewayBuilt, gatewayEnv, startGateway, type GatewayProcess, type GatewaySettings } from './gateway-process';
import { measureComplete } from './measure-complete';
import { measureFsCopy } from './measure-fs-copy';
import { measureLargeGet, measureLargePut } from './measure-large-object';
import { measureListing } from './measure-listing';
import { measureMultipart } from './measure-multipart';
import { measureSmallObjects } from './measure-small-objects';
import { readOptions } from './options';
import { createRandomFile } from './random-file';
import { renderJsonLine, renderReport, type GatewayStart } from './report';
import { readRssMiB } from './rss-sampler';
import { S3RawClient } from './s3-raw-client';
import { SwiftRawClient } from './swift-raw-client';
import { createTempWorkspace } from './temp-workspace';

const REPO_ROOT = path.resolve(__dirname, '../..');
const REGION = 'kr-central-2';
const BUCKET = 'bench';
/** The Swift measurements write into a container of their own: fresh keys, as the S3 ones get. */
const SWIFT_CONTAINER = 'bench-swift';
/** The listing bucket holds nothing but the listed keys. */
const LIST_BUCKET = 'bench-list';
const READY_TIMEOUT_MS = 120_000;

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const randomAlnum = (length: number) => Array.from(randomBytes(length), (b) => ALNUM[b % ALNUM.length]).join('');

const step = (message: string) => console.log(`[bench] ${message}`);

/** Starts a gateway, registers its stop with the cleanup, and waits until it is ready. */
async function launch(settings: GatewaySettings, cleanup: Cleanup, label: string): Promise<{ gateway: GatewayProcess; start: GatewayStart }> {
  const gateway = await startGateway(settings);
  cleanup.add(`stop the gateway (${label})`, () => gateway.stop());
  step(`${label}: gateway pid ${gateway.pid} at ${gateway.endpoint}; waiting for /readyz...`);
  const ms = await gateway.waitReady(READY_TIMEOUT_MS);
  return { gateway, start: { ms, idleRssMiB: readRssMiB(gateway.pid) } };
}

async function main(cleanup: Cleanup): Promise<void> {
  const options = readOptions();
  const loadAverageAtStart = os.loadavg()[0];

  if (ensureGatewayBuilt(REPO_ROOT).built) step('gateway built');
  const workspace = await createTempWorkspace(options.baseDir, REPO_ROOT);
  cleanup.add('remove the temp dir', () => workspace.remove());
  step(`temp dir ${workspace.dir} (under ${options.baseDirSource} = ${options.baseDir}); ` +
    `${workspace.sameDeviceAsRepo ? 'same device as the repo' : 'WARNING: not on the same device as the repo (set BENCH_DIR)'}`);

  step(`writing a ${options.sizeMiB} MiB random file...`);
  const file = await createRandomFile(path.join(workspace.dir, 'source.bin'), options.sizeMiB);

  const credentials = { accessKeyId: randomAlnum(20), secretKey: randomBytes(30).toString('base64url'), region: REGION };
  const swiftLogin = { account: 'bench', user: 'bench', password: randomBytes(18).toString('base64url') };
  const settings: GatewaySettings = {
    repoRoot: REPO_ROOT, dataDir: path.join(workspace.dir, 'data'), nodeArgs: options.gatewayNodeArgs, ...credentials, swift: swiftLogin,
  };
  const first = await launch(settings, cleanup, 'first start');
  const { signal } = cleanup.abort;
  await new S3RawClient({ endpoint: first.gateway.endpoint, ...credentials }, { signal }).createBucket(BUCKET);
  let { gateway } = first;
  let restart: GatewayStart | undefined;
  if (options.restart) {
    step('restarting the gateway on the same data dir (BENCH_RESTART=0 to skip)...');
    await gateway.stop();
    const second = await launch(settings, cleanup, 'restart');
    ({ gateway, start: restart } = second);
  }
  const s3 = new S3RawClient({ endpoint: gateway.endpoint, ...credentials }, { signal });

  // The reference right before the PUT, so that both see the same disk and machine load.
  step('fs reference: stream copy + fdatasync...');
  const fsCopy = await measureFsCopy(file.path, path.join(workspace.dir, 'copy.bin'), gateway.pid);
  step('single-stream PUT...');
  const put = await measureLargePut(s3, BUCKET, 'large.bin', file, gateway.pid);
  step('single-stream GET...');
  const get = await measureLargeGet(s3, BUCKET, 'large.bin', file.bytes, gateway.pid);
  // One token, from /auth/v1.0, for every Swift request.
  const swift = await SwiftRawClient.login({ endpoint: gateway.endpoint, user: `${swiftLogin.account}:${swiftLogin.user}`, key: swiftLogin.password, signal });
  await swift.createContainer(SWIFT_CONTAINER);
  step('Swift: single-stream PUT...');
  const swiftPut = await measureLargePut(swift, SWIFT_CONTAINER, 'large.bin', file, gateway.pid);
  step('Swift: single-stream GET...');
  const swiftGet = await measureLargeGet(swift, SWIFT_CONTAINER, 'large.bin', file.bytes, gateway.pid);
  step(`${options.smallOps} x 4 KiB PUT, then GET, at concurrency ${options.concurrency}...`);
  const small = await measureSmallObjects(s3, BUCKET, options.smallOps, options.concurrency, gateway.pid);
  step(`Swift: ${options.smallOps} x 4 KiB PUT, then GET, at concurrency ${options.concurrency}...`);
  const swiftSmall = await measureSmallObjects(swift, SWIFT_CONTAINER, options.smallOps, options.concurrency, gateway.pid);

  let multipart;
  if (options.multipartMiB > 0) {
    step(`multipart upload of ${options.multipartMiB} MiB in ${options.partMiB} MiB parts at concurrency ${options.partConcurrency}, then GET...`);
    multipart = await measureMultipart(s3, BUCKET, file, options.multipartMiB, options.partMiB, options.partConcurrency, gateway.pid);
  }
  let complete;
  if (options.completeParts.length > 0) {
    step(`CompleteMultipartUpload of ${options.completeParts.join(' / ')} parts of 5 MiB (uploading them first)...`);
    complete = await measureComplete(s3, BUCKET, file, options.completeParts, options.partConcurrency);
  }
  let listing;
  if (options.listKeys.length > 0) {
    await s3.createBucket(LIST_BUCKET);
    // Last of all: growing the bucket directly restarts the gateway.
    const growDirectly = async (seedKey: string, keys: string[]): Promise<S3RawClient> => {
      await gateway.stop();
      await insertKeysDirectly(gatewayEnv(settings), LIST_BUCKET, seedKey, keys);
      ({ gateway } = await launch(settings, cleanup, 'after the direct insert'));
      return new S3RawClient({ endpoint: gateway.endpoint, ...credentials }, { signal });
    };
    listing = await measureListing(s3, {
      bucket: LIST_BUCKET, sizes: options.listKeys, prefixes: options.listPrefixes, concurrency: options.concurrency, progress: step,
      growDirectly: options.listFill === 'direct' ? growDirectly : undefined,
    });
  }

  const results = {
    sizeMiB: options.sizeMiB, concurrency: options.concurrency, dataDir: workspace.dir, cpus: os.cpus().length, loadAverageAtStart,
    firstStart: first.start, restart, fsCopy, put, get, small, swift: { put: swiftPut, get: swiftGet, small: swiftSmall }, multipart, complete, listing,
  };
  console.log(`\n${renderReport(results)}\n`);
  console.log(renderJsonLine(results));
}

const cleanup = new Cleanup();
cleanup.installExitHandlers();
main(cleanup)
  .catch((error) => {
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => cleanup.run());
