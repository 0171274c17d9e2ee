// Turns the measurements into a table for people and one JSON line for CI logs. Aims are shown as
// met / not met; a benchmark reports figures, it never fails on them.
import type { FsCopyResult } from './measure-fs-copy';
import type { LargeGetResult, LargePutResult } from './measure-large-object';
import type { OpsResult, SmallObjectsResult } from './measure-small-objects';
import { round } from './units';

export const AIMS = { minPercentOfFs: 60, maxPeakRssMiB: 200 } as const;

export interface BenchResults {
  sizeMiB: number;
  concurrency: number;
  dataDir: string;
  startupMs: number;
  idleRssMiB: number | undefined;
  fsCopy: FsCopyResult;
  put: LargePutResult;
  get: LargeGetResult;
  small: SmallObjectsResult;
}

const aim = (met: boolean | undefined): string => (met === undefined ? 'n/a' : met ? 'met' : 'NOT met');
const fmt = (value: number | undefined, digits = 1): string => (value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(digits));

function table(rows: string[][]): string {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  const line = (row: string[]) => '| ' + row.map((cell, col) => cell.padEnd(widths[col])).join(' | ') + ' |';
  const rule = '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|';
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

export function renderReport(r: BenchResults): string {
  const putPct = (r.put.mibPerSec / r.fsCopy.mibPerSec) * 100;
  const getPct = (r.get.mibPerSec / r.fsCopy.mibPerSec) * 100;
  const opsRow = (label: string, o: OpsResult) => [
    label, `${fmt(o.opsPerSec, 0)} ops/s`, '', `p50 ${fmt(o.p50Ms, 2)} ms, p99 ${fmt(o.p99Ms, 2)} ms, ${o.ops} ops, peak RSS ${fmt(o.peakRssMiB)} MiB`,
  ];
  const measurements = table([
    ['measurement', 'result', '% of fs', 'notes'],
    ['fs stream copy + fdatasync (reference)', `${fmt(r.fsCopy.mibPerSec)} MiB/s`, '100', `${fmt(r.fsCopy.ms / 1000, 2)} s`],
    ['PUT single stream', `${fmt(r.put.mibPerSec)} MiB/s`, fmt(putPct, 0), `${fmt(r.put.ms / 1000, 2)} s, ETag ${r.put.etagMatchesMd5 ? '= MD5' : `MISMATCH (${r.put.etag})`}, RSS ${fmt(r.put.rssBeforeMiB)} -> peak ${fmt(r.put.peakRssMiB)} MiB`],
    ['GET single stream', `${fmt(r.get.mibPerSec)} MiB/s`, fmt(getPct, 0), `${fmt(r.get.ms / 1000, 2)} s, length ${r.get.lengthMatches ? 'ok' : `WRONG (${r.get.bytes})`}, RSS ${fmt(r.get.rssBeforeMiB)} -> peak ${fmt(r.get.peakRssMiB)} MiB`],
    opsRow(`PUT 4 KiB x${r.concurrency}`, r.small.put),
    opsRow(`GET 4 KiB x${r.concurrency}`, r.small.get),
  ]);
  const aims = table([
    ['aim', 'target', 'measured', 'status'],
    ['PUT vs fs reference', `>= ${AIMS.minPercentOfFs}%`, `${fmt(putPct, 0)}%`, aim(putPct >= AIMS.minPercentOfFs)],
    ['GET vs fs reference', `>= ${AIMS.minPercentOfFs}%`, `${fmt(getPct, 0)}%`, aim(getPct >= AIMS.minPercentOfFs)],
    ['gateway peak RSS during PUT', `< ${AIMS.maxPeakRssMiB} MiB`, `${fmt(r.put.peakRssMiB)} MiB`, aim(r.put.peakRssMiB === undefined ? undefined : r.put.peakRssMiB < AIMS.maxPeakRssMiB)],
  ]);
  const header = `Object size ${r.sizeMiB} MiB; gateway ready in ${fmt(r.startupMs / 1000, 1)} s, idle RSS ${fmt(r.idleRssMiB)} MiB; data dir ${r.dataDir}`;
  return `${header}\n\n${measurements}\n\n${aims}`;
}

/** One line, prefixed for grepping: `BENCH_RESULT {...}`. */
export function renderJsonLine(r: BenchResults): string {
  const putPct = (r.put.mibPerSec / r.fsCopy.mibPerSec) * 100;
  const getPct = (r.get.mibPerSec / r.fsCopy.mibPerSec) * 100;
  const ops = (o: OpsResult) => ({ opsPerSec: round(o.opsPerSec), p50Ms: round(o.p50Ms, 2), p99Ms: round(o.p99Ms, 2), ops: o.ops, peakRssMiB: o.peakRssMiB && round(o.peakRssMiB) });
  return 'BENCH_RESULT ' + JSON.stringify({
    sizeMiB: r.sizeMiB,
    concurrency: r.concurrency,
    startupMs: Math.round(r.startupMs),
    idleRssMiB: r.idleRssMiB && round(r.idleRssMiB),
    fsCopyMiBps: round(r.fsCopy.mibPerSec),
    putMiBps: round(r.put.mibPerSec),
    putPctOfFs: round(putPct),
    putRssBeforeMiB: r.put.rssBeforeMiB && round(r.put.rssBeforeMiB),
    putPeakRssMiB: r.put.peakRssMiB && round(r.put.peakRssMiB),
    putEtagOk: r.put.etagMatchesMd5,
    getMiBps: round(r.get.mibPerSec),
    getPctOfFs: round(getPct),
    getPeakRssMiB: r.get.peakRssMiB && round(r.get.peakRssMiB),
    getLengthOk: r.get.lengthMatches,
    put4k: ops(r.small.put),
    get4k: ops(r.small.get),
    aims: {
      putPctOfFs: putPct >= AIMS.minPercentOfFs,
      getPctOfFs: getPct >= AIMS.minPercentOfFs,
      putPeakRss: r.put.peakRssMiB === undefined ? null : r.put.peakRssMiB < AIMS.maxPeakRssMiB,
    },
  });
}
