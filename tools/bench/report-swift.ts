// The Swift figures beside the S3 ones: the same single-stream PUT/GET of the large object and the
// same 4 KiB PUT/GET at the same concurrency, measured with the same code (an ObjectClient per
// protocol) against the same gateway process in the same run, with the Swift / S3 ratio.
import type { LargeGetResult, LargePutResult } from './measure-large-object';
import type { SmallObjectsResult } from './measure-small-objects';
import { cpuNote, fmt, table } from './report-format';
import { round } from './units';

export interface SwiftFigures {
  put: LargePutResult;
  get: LargeGetResult;
  small: SmallObjectsResult;
}

/** The S3 side of the comparison: the main measurements of the run. */
export interface SwiftComparison {
  put: LargePutResult;
  get: LargeGetResult;
  small: SmallObjectsResult;
  concurrency: number;
  swift?: SwiftFigures;
}

const ratio = (swift: number, s3: number): number => swift / s3;

function rows(r: SwiftComparison & { swift: SwiftFigures }) {
  const { swift } = r;
  return [
    { id: 'putMiBps', label: 'PUT, single stream', unit: 'MiB/s', s3: r.put.mibPerSec, swift: swift.put.mibPerSec,
      notes: `ETag ${swift.put.etagMatchesMd5 ? '= MD5' : `MISMATCH (${swift.put.etag})`}, peak RSS ${fmt(swift.put.peakRssMiB)} MiB, ${cpuNote(swift.put.cpu)}` },
    { id: 'getMiBps', label: 'GET, single stream', unit: 'MiB/s', s3: r.get.mibPerSec, swift: swift.get.mibPerSec,
      notes: `length ${swift.get.lengthMatches ? 'ok' : `WRONG (${swift.get.bytes})`}, peak RSS ${fmt(swift.get.peakRssMiB)} MiB, ${cpuNote(swift.get.cpu)}` },
    { id: 'put4kOpsPerSec', label: `PUT 4 KiB, concurrency ${r.concurrency}`, unit: 'ops/s', s3: r.small.put.opsPerSec, swift: swift.small.put.opsPerSec,
      notes: `p50 ${fmt(swift.small.put.p50Ms, 1)} ms, p99 ${fmt(swift.small.put.p99Ms, 1)} ms, ${cpuNote(swift.small.put.cpu)}` },
    { id: 'get4kOpsPerSec', label: `GET 4 KiB, concurrency ${r.concurrency}`, unit: 'ops/s', s3: r.small.get.opsPerSec, swift: swift.small.get.opsPerSec,
      notes: `p50 ${fmt(swift.small.get.p50Ms, 1)} ms, p99 ${fmt(swift.small.get.p99Ms, 1)} ms, ${cpuNote(swift.small.get.cpu)}` },
  ];
}

/** The Swift table, or '' when Swift was not measured. */
export function renderSwiftReport(r: SwiftComparison): string {
  if (!r.swift) return '';
  const digits = (unit: string) => (unit === 'MiB/s' ? 1 : 0);
  return table([
    ['Swift vs S3 (same gateway, same run)', 'S3', 'Swift', 'Swift / S3', 'Swift notes'],
    ...rows({ ...r, swift: r.swift }).map((row) => [
      row.label, `${fmt(row.s3, digits(row.unit))} ${row.unit}`, `${fmt(row.swift, digits(row.unit))} ${row.unit}`, fmt(ratio(row.swift, row.s3), 2), row.notes,
    ]),
  ]);
}

/** The Swift fields of the BENCH_RESULT line: `swift: {putMiBps, ..., ratios: {...}}` or null. */
export function swiftJson(r: SwiftComparison): { swift: object | null } {
  if (!r.swift) return { swift: null };
  const all = rows({ ...r, swift: r.swift });
  return {
    swift: {
      ...Object.fromEntries(all.map((row) => [row.id, round(row.swift)])),
      putEtagOk: r.swift.put.etagMatchesMd5,
      getLengthOk: r.swift.get.lengthMatches,
      swiftToS3: Object.fromEntries(all.map((row) => [row.id, round(ratio(row.swift, row.s3), 3)])),
    },
  };
}
