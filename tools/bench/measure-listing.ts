// ListObjectsV2 page time (max-keys 1000) as one bucket grows through BENCH_LIST_KEYS sizes. Keys
// spread over BENCH_LIST_PREFIXES top-level prefixes, each with 10 sub-prefixes
// (`p042/d3/k0001234`; new keys land between the old ones). The first size is put through the API
// (empty PUTs at BENCH_CONCURRENCY); later growth too, or, given `growDirectly`, inserted into the
// store while the gateway is stopped (see direct-fill.ts). Each page shape is timed REPEATS times after a warm-up, median kept:
// without a delimiter (the first page, a page from the middle), and with '/' (the page of every
// top-level prefix, which has to skip each prefix's keys; the sub-prefixes of one prefix). A page
// returns the same entries at every size, so its time should stay flat.
import http from 'node:http';
import { runConcurrently } from './run-concurrently';
import { listObjectsV2Page, type ListPageQuery } from './s3-calls';
import type { S3RawClient } from './s3-raw-client';
import { nowMs, percentile } from './units';

const MAX_KEYS = 1000;
const SUB_PREFIXES = 10;
const REPEATS = 7;

export interface PageTiming {
  id: string;
  label: string;
  /** Median of REPEATS requests. */
  ms: number;
  /** Keys plus common prefixes on the page. */
  entries: number;
  isTruncated: boolean;
}

export interface ListingAtSize {
  keys: number;
  /** How the keys added for this size got there, how long it took, at what rate. */
  filledBy: 'api' | 'direct';
  populateMs: number;
  populateOpsPerSec: number;
  pages: PageTiming[];
}

export interface ListingResult {
  prefixes: number;
  sizes: ListingAtSize[];
}

const prefixName = (p: number) => `p${String(p).padStart(3, '0')}/`;

function keyName(i: number, prefixes: number): string {
  const sub = Math.floor(i / prefixes) % SUB_PREFIXES;
  return `${prefixName(i % prefixes)}d${sub}/k${String(i).padStart(7, '0')}`;
}

function shapes(prefixes: number): { id: string; label: string; query: ListPageQuery }[] {
  const middle = prefixName(Math.floor(prefixes / 2));
  return [
    { id: 'first', label: 'no delimiter, first page', query: { maxKeys: MAX_KEYS } },
    { id: 'middle', label: `no delimiter, start-after ${middle}`, query: { maxKeys: MAX_KEYS, startAfter: middle } },
    { id: 'delimiter', label: `delimiter '/', the ${prefixes} prefixes`, query: { maxKeys: MAX_KEYS, delimiter: '/' } },
    { id: 'delimiterUnder', label: `delimiter '/', prefix ${middle}`, query: { maxKeys: MAX_KEYS, delimiter: '/', prefix: middle } },
  ];
}

async function timePage(client: S3RawClient, bucket: string, query: ListPageQuery, agent: http.Agent): Promise<Omit<PageTiming, 'id' | 'label'>> {
  await listObjectsV2Page(client, bucket, query, agent); // warm-up: connection, caches, JIT
  const samples = [];
  for (let i = 0; i < REPEATS; i++) samples.push(await listObjectsV2Page(client, bucket, query, agent));
  const last = samples[samples.length - 1];
  return { ms: percentile(samples.map((s) => s.ms), 50), entries: last.keys + last.commonPrefixes, isTruncated: last.isTruncated };
}

export interface ListingSettings {
  bucket: string;
  sizes: readonly number[];
  prefixes: number;
  concurrency: number;
  progress: (message: string) => void;
  /** Adds keys beyond the first size without the API; returns the client of the restarted gateway. */
  growDirectly?: (seedKey: string, keys: string[]) => Promise<S3RawClient>;
}

export async function measureListing(first: S3RawClient, settings: ListingSettings): Promise<ListingResult> {
  const { bucket, prefixes, concurrency, progress } = settings;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const empty = Buffer.alloc(0);
  const result: ListingResult = { prefixes, sizes: [] };
  let client = first;
  try {
    let present = 0;
    for (const size of settings.sizes) {
      const from = present;
      const grow = from > 0 ? settings.growDirectly : undefined;
      const direct = grow !== undefined;
      progress(`listing: keys ${from}..${size - 1} ${direct ? 'inserted directly (gateway stopped)' : `put with empty bodies, concurrency ${concurrency}`}...`);
      const started = nowMs();
      if (grow) {
        client = await grow(keyName(0, prefixes), Array.from({ length: size - from }, (_, i) => keyName(from + i, prefixes)));
      } else {
        await runConcurrently(size - from, concurrency, async (i) => {
          await client.putObject(bucket, keyName(from + i, prefixes), empty, agent);
        });
      }
      const populateMs = nowMs() - started;
      present = size;
      progress(`listing: ${size} keys; timing pages...`);
      const pages: PageTiming[] = [];
      for (const shape of shapes(prefixes)) pages.push({ id: shape.id, label: shape.label, ...(await timePage(client, bucket, shape.query, agent)) });
      result.sizes.push({ keys: size, filledBy: direct ? 'direct' : 'api', populateMs, populateOpsPerSec: (size - from) / (populateMs / 1000), pages });
    }
    return result;
  } finally {
    agent.destroy();
  }
}
