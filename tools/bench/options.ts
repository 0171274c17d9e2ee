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
  /** Size of the multipart object (BENCH_MULTIPART_MIB, 0 skips the multipart upload and its GET). */
  multipartMiB: number;
  /** Its part size (BENCH_PART_MIB) and how many parts are in flight (BENCH_PART_CONCURRENCY). */
  partMiB: number;
  partConcurrency: number;
  /**
   * Part counts whose CompleteMultipartUpload is timed (BENCH_COMPLETE_PARTS, "10,1000"; "0" skips).
   * Every part but the last must be 5 MiB or more, so the parts are 5 MiB: the default uploads
   * 5 GiB + 50 MiB first. On a small disk, lower the larger count (e.g. "10,200").
   */
  completeParts: number[];
  /** Bucket sizes whose ListObjectsV2 page time is measured (BENCH_LIST_KEYS, "10000,100000"; "0" skips). */
  listKeys: number[];
  /** Key prefixes the listed keys spread over (BENCH_LIST_PREFIXES). */
  listPrefixes: number;
  /**
   * How the listing bucket grows past its first size (BENCH_LIST_FILL): 'direct' (default) inserts
   * the rows with the gateway stopped, 'api' puts every key (about 9 minutes for 100,000 here).
   */
  listFill: 'direct' | 'api';
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (got '${raw}')`);
  return value;
}

/** A comma-separated list of positive integers, ascending; "0" is the empty list. */
function positiveIntList(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw.trim() === '0') return [];
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isInteger(value) || value < 1)) throw new Error(`${name} must be positive integers separated by commas, or 0 (got '${raw}')`);
  return [...new Set(values)].sort((a, b) => a - b);
}

function nonNegativeInt(name: string, fallback: number): number {
  return process.env[name] === '0' ? 0 : positiveInt(name, fallback);
}

function listFill(): BenchOptions['listFill'] {
  const raw = process.env.BENCH_LIST_FILL ?? 'direct';
  if (raw !== 'direct' && raw !== 'api') throw new Error(`BENCH_LIST_FILL must be 'direct' or 'api' (got '${raw}')`);
  return raw;
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
    multipartMiB: nonNegativeInt('BENCH_MULTIPART_MIB', 2048),
    partMiB: positiveInt('BENCH_PART_MIB', 64),
    partConcurrency: positiveInt('BENCH_PART_CONCURRENCY', 4),
    completeParts: positiveIntList('BENCH_COMPLETE_PARTS', [10, 1000]),
    listKeys: positiveIntList('BENCH_LIST_KEYS', [10_000, 100_000]),
    listPrefixes: positiveInt('BENCH_LIST_PREFIXES', 100),
    listFill: listFill(),
  };
}
