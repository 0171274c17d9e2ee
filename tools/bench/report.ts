// Turns the measurements into tables for people and one JSON line for CI logs. Aims are shown as
// met / not met; a benchmark reports figures, it never fails on them.
import type { FsCopyResult } from './measure-fs-copy';
import type { LargeGetResult, LargePutResult } from './measure-large-object';
import type { OpsResult, SmallObjectsResult } from './measure-small-objects';
import { cpuNote, fmt, table } from './report-format';
import { renderScaleReport, scaleJson, type ScaleResults } from './report-scale';
import { renderSwiftReport, swiftJson, type SwiftFigures } from './report-swift';
import { round } from './units';

export const AIMS = { minPercentOfFs: 60, maxPeakRssMiB: 200 } as const;

/** Other processes above this share of the machine make throughput figures unreliable. */
const NOISY_OTHERS_PCT = 10;
/** Shorter windows are too coarse for /proc's 10 ms CPU ticks to judge. */
const MIN_JUDGED_WINDOW_MS = 1000;

export interface GatewayStart {
  ms: number;
  idleRssMiB?: number;
}

export interface BenchResults extends ScaleResults {
  sizeMiB: number;
  concurrency: number;
  dataDir: string;
  cpus: number;
  loadAverageAtStart: number;
  firstStart: GatewayStart;
  /** The start that was measured, when the gateway was restarted after the first one. */
  restart?: GatewayStart;
  fsCopy: FsCopyResult;
  put: LargePutResult;
  get: LargeGetResult;
  small: SmallObjectsResult;
  /** The same throughput measurements over Swift, when they ran. */
  swift?: SwiftFigures;
}

const status = (met: boolean | undefined): string => (met === undefined ? 'n/a' : met ? 'met' : 'NOT met');

function derived(r: BenchResults) {
  const putPct = (r.put.mibPerSec / r.fsCopy.mibPerSec) * 100;
  const getPct = (r.get.mibPerSec / r.fsCopy.mibPerSec) * 100;
  const putGrowth = r.put.peakRssMiB !== undefined && r.put.rssBeforeMiB !== undefined ? r.put.peakRssMiB - r.put.rssBeforeMiB : undefined;
  const noisiest = Math.max(
    ...[r.fsCopy, r.put, r.get, r.small.put, r.small.get].filter((m) => m.ms >= MIN_JUDGED_WINDOW_MS).map((m) => m.cpu.othersPct ?? 0),
  );
  return { putPct, getPct, putGrowth, noisiest };
}

export function renderReport(r: BenchResults): string {
  const { putPct, getPct, putGrowth, noisiest } = derived(r);
  const ops = (label: string, o: OpsResult) => [
    label, `${fmt(o.opsPerSec, 0)} ops/s`, '',
    `p50 ${fmt(o.p50Ms, 1)} ms, p99 ${fmt(o.p99Ms, 1)} ms, ${o.ops} ops, peak RSS ${fmt(o.peakRssMiB)} MiB, ${cpuNote(o.cpu)}`,
  ];
  const measurements = table([
    ['measurement', 'result', '% of fs', 'notes'],
    ['fs stream copy + fdatasync (reference)', `${fmt(r.fsCopy.mibPerSec)} MiB/s`, '100', `${fmt(r.fsCopy.ms / 1000, 2)} s, ${cpuNote(r.fsCopy.cpu)}`],
    ['PUT, single stream', `${fmt(r.put.mibPerSec)} MiB/s`, fmt(putPct, 0),
      `${fmt(r.put.ms / 1000, 2)} s, ETag ${r.put.etagMatchesMd5 ? '= MD5' : `MISMATCH (${r.put.etag})`}, ` +
      `RSS ${fmt(r.put.rssBeforeMiB)} -> peak ${fmt(r.put.peakRssMiB)} MiB, ${cpuNote(r.put.cpu)}`],
    ['GET, single stream', `${fmt(r.get.mibPerSec)} MiB/s`, fmt(getPct, 0),
      `${fmt(r.get.ms / 1000, 2)} s, length ${r.get.lengthMatches ? 'ok' : `WRONG (${r.get.bytes})`}, ` +
      `RSS ${fmt(r.get.rssBeforeMiB)} -> peak ${fmt(r.get.peakRssMiB)} MiB, ${cpuNote(r.get.cpu)}`],
    ops(`PUT 4 KiB, concurrency ${r.concurrency}`, r.small.put),
    ops(`GET 4 KiB, concurrency ${r.concurrency}`, r.small.get),
  ]);
  const aims = table([
    ['aim', 'target', 'measured', 'status'],
    ['PUT vs fs reference', `>= ${AIMS.minPercentOfFs}%`, `${fmt(putPct, 0)}%`, status(putPct >= AIMS.minPercentOfFs)],
    ['GET vs fs reference', `>= ${AIMS.minPercentOfFs}%`, `${fmt(getPct, 0)}%`, status(getPct >= AIMS.minPercentOfFs)],
    ['gateway peak RSS during PUT', `< ${AIMS.maxPeakRssMiB} MiB`, `${fmt(r.put.peakRssMiB)} MiB`,
      status(r.put.peakRssMiB === undefined ? undefined : r.put.peakRssMiB < AIMS.maxPeakRssMiB)],
    ['  of which the PUT added', '(info)', `${fmt(putGrowth)} MiB`, ''],
  ]);
  const start = (label: string, s: GatewayStart) => `${label} ready in ${fmt(s.ms / 1000, 1)} s, idle RSS ${fmt(s.idleRssMiB)} MiB`;
  const header = [
    `Object ${r.sizeMiB} MiB; ${r.cpus} cpus, load average ${fmt(r.loadAverageAtStart, 2)} at start; data dir ${r.dataDir}`,
    `Gateway: ${start('first start', r.firstStart)}${r.restart ? `; ${start('restarted (measured)', r.restart)}` : ' (measured)'}`,
  ];
  if (noisiest > NOISY_OTHERS_PCT) {
    header.push(`WARNING: other processes used up to ${fmt(noisiest, 0)}% of the machine during the measurements (see "others" per row); the figures are noisy.`);
  }
  const swift = renderSwiftReport(r);
  const scale = renderScaleReport(r, r.fsCopy.mibPerSec);
  return `${header.join('\n')}\n\n${measurements}${swift ? `\n\n${swift}` : ''}\n\n${aims}${scale ? `\n\n${scale}` : ''}`;
}

/** One line, prefixed for grepping: `BENCH_RESULT {...}`. */
export function renderJsonLine(r: BenchResults): string {
  const { putPct, getPct, putGrowth } = derived(r);
  const opt = (value: number | undefined, digits = 1) => (value === undefined ? null : round(value, digits));
  const ops = (o: OpsResult) => ({
    opsPerSec: round(o.opsPerSec), p50Ms: round(o.p50Ms, 2), p99Ms: round(o.p99Ms, 2), ops: o.ops,
    peakRssMiB: opt(o.peakRssMiB), othersCpuPct: opt(o.cpu.othersPct),
  });
  return 'BENCH_RESULT ' + JSON.stringify({
    sizeMiB: r.sizeMiB,
    concurrency: r.concurrency,
    cpus: r.cpus,
    loadAverageAtStart: round(r.loadAverageAtStart, 2),
    firstStartMs: Math.round(r.firstStart.ms),
    firstStartIdleRssMiB: opt(r.firstStart.idleRssMiB),
    restartMs: r.restart ? Math.round(r.restart.ms) : null,
    restartIdleRssMiB: opt(r.restart?.idleRssMiB),
    fsCopyMiBps: round(r.fsCopy.mibPerSec),
    fsCopyOthersCpuPct: opt(r.fsCopy.cpu.othersPct),
    putMiBps: round(r.put.mibPerSec),
    putPctOfFs: round(putPct),
    putRssBeforeMiB: opt(r.put.rssBeforeMiB),
    putPeakRssMiB: opt(r.put.peakRssMiB),
    putRssGrowthMiB: opt(putGrowth),
    putEtagOk: r.put.etagMatchesMd5,
    putOthersCpuPct: opt(r.put.cpu.othersPct),
    getMiBps: round(r.get.mibPerSec),
    getPctOfFs: round(getPct),
    getPeakRssMiB: opt(r.get.peakRssMiB),
    getLengthOk: r.get.lengthMatches,
    getOthersCpuPct: opt(r.get.cpu.othersPct),
    put4k: ops(r.small.put),
    get4k: ops(r.small.get),
    aims: {
      putPctOfFs: putPct >= AIMS.minPercentOfFs,
      getPctOfFs: getPct >= AIMS.minPercentOfFs,
      putPeakRss: r.put.peakRssMiB === undefined ? null : r.put.peakRssMiB < AIMS.maxPeakRssMiB,
    },
    ...swiftJson(r),
    ...scaleJson(r),
  });
}
