// Benchmark options, read once from the environment.
import os from 'node:os';
import path from 'node:path';

export interface BenchOptions {
  /** Size of the large file / object, in MiB. */
  sizeMiB: number;
  /** Number of 4 KiB PUTs, and then of 4 KiB GETs. */
  smallOps: number;
  /** In-flight requests during the small-object phase (also the agent's maxSockets). */
  concurrency: number;
  /** Parent of the temporary data dir. */
  baseDir: string;
  /** Where baseDir came from, for the printout. */
  baseDirSource: 'BENCH_DIR' | 'os.tmpdir()';
  /**
   * Measure a restarted gateway (default): the first start on a fresh dir runs initdb and keeps
   * that memory until a major GC, which says nothing about a gateway in service. BENCH_RESTART=0
   * measures the first process instead.
   */
  restart: boolean;
  /** Extra node flags for the gateway (BENCH_GATEWAY_NODE_ARGS, split on spaces), e.g. to profile it. */
  gatewayNodeArgs: string[];
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (got '${raw}')`);
  return value;
}

export function readOptions(): BenchOptions {
  const benchDir = process.env.BENCH_DIR;
  return {
    sizeMiB: positiveInt('BENCH_SIZE_MIB', 1024),
    smallOps: positiveInt('BENCH_SMALL_OPS', 2000),
    concurrency: positiveInt('BENCH_CONCURRENCY', 16),
    baseDir: benchDir ? path.resolve(benchDir) : os.tmpdir(),
    baseDirSource: benchDir ? 'BENCH_DIR' : 'os.tmpdir()',
    restart: process.env.BENCH_RESTART !== '0',
    gatewayNodeArgs: (process.env.BENCH_GATEWAY_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== ''),
  };
}
