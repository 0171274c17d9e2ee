// Many 4 KiB PUTs, then GETs of the same keys, at a fixed concurrency over a keep-alive agent:
// operations per second and per-request latency; over any ObjectClient (S3, Swift).
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { CpuReport } from './cpu-usage';
import { observe } from './observe';
import type { ObjectClient } from './object-client';
import { runConcurrently } from './run-concurrently';
import { percentile } from './units';

export const SMALL_OBJECT_BYTES = 4 * 1024;

export interface OpsResult {
  ops: number;
  ms: number;
  opsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMiB?: number;
  cpu: CpuReport;
}

export interface SmallObjectsResult {
  put: OpsResult;
  get: OpsResult;
}

async function timed(count: number, concurrency: number, pid: number, operation: (i: number) => Promise<void>): Promise<OpsResult> {
  const { value: latencies, ms, peakRssMiB, cpu } = await observe(pid, () => runConcurrently(count, concurrency, operation));
  return { ops: count, ms, opsPerSec: count / (ms / 1000), p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), peakRssMiB, cpu };
}

export async function measureSmallObjects(
  client: ObjectClient, bucket: string, count: number, concurrency: number, gatewayPid: number,
): Promise<SmallObjectsResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const body = randomBytes(SMALL_OBJECT_BYTES);
  const key = (i: number) => `small/${String(i).padStart(6, '0')}`;
  try {
    // A short warm-up on other keys: open the sockets and let the JIT settle before timing.
    await runConcurrently(Math.min(count, concurrency * 4), concurrency, (i) => client.putObject(bucket, `warmup/${i}`, body, agent).then(() => undefined));
    const put = await timed(count, concurrency, gatewayPid, async (i) => {
      await client.putObject(bucket, key(i), body, agent);
    });
    const get = await timed(count, concurrency, gatewayPid, async (i) => {
      const res = await client.getObject(bucket, key(i), agent);
      if (res.bytes !== SMALL_OBJECT_BYTES) throw new Error(`GET ${key(i)} returned ${res.bytes} bytes, expected ${SMALL_OBJECT_BYTES}`);
    });
    return { put, get };
  } finally {
    agent.destroy();
  }
}
