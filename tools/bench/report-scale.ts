// The scale part of the report: multipart upload and GET of a large object, CompleteMultipartUpload
// with few and many parts, ListObjectsV2 page times as the bucket grows. Figures and verdicts for
// people, fields for the JSON line; nothing here fails the run.
import type { CompleteTiming } from './measure-complete';
import type { ListingResult } from './measure-listing';
import type { MultipartResult } from './measure-multipart';
import { cpuNote, fmt, table } from './report-format';
import { round } from './units';

/** A page time that grows by less than this factor while the bucket grows is called flat. */
export const FLAT_RATIO = 1.5;

export interface ScaleResults {
  multipart?: MultipartResult;
  complete?: CompleteTiming[];
  listing?: ListingResult;
}

const count = (n: number) => n.toLocaleString('en-US');

function multipartTable(m: MultipartResult, fsMiBps: number): string {
  const pct = (mibPerSec: number) => fmt((mibPerSec / fsMiBps) * 100, 0);
  return table([
    ['measurement', 'result', '% of fs', 'notes'],
    [`multipart upload, ${m.parts} x ${m.partMiB} MiB parts, concurrency ${m.concurrency}`, `${fmt(m.upload.mibPerSec)} MiB/s`, pct(m.upload.mibPerSec),
      `${fmt(m.upload.ms / 1000, 2)} s, of which Complete ${fmt(m.upload.completeMs, 1)} ms, ETag ${m.upload.etagOk ? 'ok' : `WRONG (${m.upload.etag})`}, ` +
      `RSS ${fmt(m.upload.rssBeforeMiB)} -> peak ${fmt(m.upload.peakRssMiB)} MiB, ${cpuNote(m.upload.cpu)}`],
    [`GET of the ${m.parts}-part object, single stream`, `${fmt(m.get.mibPerSec)} MiB/s`, pct(m.get.mibPerSec),
      `${fmt(m.get.ms / 1000, 2)} s, length ${m.get.lengthMatches ? 'ok' : `WRONG (${m.get.bytes})`}, ` +
      `RSS ${fmt(m.get.rssBeforeMiB)} -> peak ${fmt(m.get.peakRssMiB)} MiB, ${cpuNote(m.get.cpu)}`],
  ]);
}

function completeTable(timings: CompleteTiming[], fsMiBps: number, m?: MultipartResult): string {
  const rows = timings.map((t) => [
    `${count(t.parts)} x 5 MiB`, `${count(t.objectMiB)} MiB`, `${fmt(t.completeMs, 1)} ms${t.runs > 1 ? ` (median of ${t.runs})` : ''}`,
    `${fmt(t.completeMs / t.parts, 3)} ms`, `${fmt((t.objectMiB / fsMiBps) * 1000, 0)} ms`, `${fmt(t.uploadMs / 1000, 1)} s${t.etagOk ? '' : ', ETag WRONG'}`,
  ]);
  if (m) {
    rows.push([`${m.parts} x ${m.partMiB} MiB (above)`, `${count(m.parts * m.partMiB)} MiB`, `${fmt(m.upload.completeMs, 1)} ms`,
      `${fmt(m.upload.completeMs / m.parts, 3)} ms`, `${fmt(((m.parts * m.partMiB) / fsMiBps) * 1000, 0)} ms`, '']);
  }
  return table([['parts', 'object', 'CompleteMultipartUpload', 'per part', 'copying the bytes at fs speed would take', 'uploading the parts'], ...rows]);
}

/** Largest over smallest bucket, per page shape. */
function listingRatios(l: ListingResult): { label: string; ratio: number }[] {
  const first = l.sizes[0];
  const last = l.sizes[l.sizes.length - 1];
  return first.pages.map((page, i) => ({ label: page.label, ratio: last.pages[i].ms / page.ms }));
}

function listingTable(l: ListingResult): string {
  const ratios = listingRatios(l);
  const many = l.sizes.length > 1;
  const header = ['ListObjectsV2 page, max-keys 1000', ...l.sizes.map((s) => `${count(s.keys)} keys`), ...(many ? ['ratio', ''] : [])];
  const rows = l.sizes[0].pages.map((page, i) => [
    page.label,
    ...l.sizes.map((s) => `${fmt(s.pages[i].ms, 1)} ms (${s.pages[i].entries}${s.pages[i].isTruncated ? ', truncated' : ''})`),
    ...(many ? [fmt(ratios[i].ratio, 2), ratios[i].ratio < FLAT_RATIO ? 'flat' : 'GROWS'] : []),
  ]);
  return table([header, ...rows]);
}

function listingVerdict(l: ListingResult): string {
  const populated = l.sizes.map((s, i) => {
    const added = `${i === 0 ? '' : '+'}${count(s.keys - (i === 0 ? 0 : l.sizes[i - 1].keys))} keys`;
    return s.filledBy === 'api' ? `${added} put at ${fmt(s.populateOpsPerSec, 0)} PUT/s` : `${added} inserted directly in ${fmt(s.populateMs / 1000, 1)} s (gateway restarted)`;
  });
  const lines = [`Keys over ${l.prefixes} prefixes x 10 sub-prefixes: ${populated.join(', ')}.`];
  if (l.sizes.length > 1) {
    const ratios = listingRatios(l);
    const worst = Math.max(...ratios.map((r) => r.ratio));
    const span = `from ${count(l.sizes[0].keys)} to ${count(l.sizes[l.sizes.length - 1].keys)} keys`;
    lines.push(worst < FLAT_RATIO
      ? `ListObjectsV2 page time stays flat ${span} (largest ratio ${fmt(worst, 2)}, under ${FLAT_RATIO}).`
      : `ListObjectsV2 page time does NOT stay flat ${span}: ${ratios.filter((r) => r.ratio >= FLAT_RATIO).map((r) => `${r.label} x${fmt(r.ratio, 2)}`).join('; ')}.`);
  }
  return lines.join('\n');
}

export function renderScaleReport(r: ScaleResults, fsMiBps: number): string {
  const parts: string[] = [];
  if (r.multipart) parts.push(multipartTable(r.multipart, fsMiBps));
  if (r.complete?.length) parts.push(completeTable(r.complete, fsMiBps, r.multipart));
  if (r.listing?.sizes.length) parts.push(`${listingTable(r.listing)}\n${listingVerdict(r.listing)}`);
  return parts.join('\n\n');
}

export function scaleJson(r: ScaleResults): Record<string, unknown> {
  const m = r.multipart;
  const l = r.listing;
  const ratios = l && l.sizes.length > 1 ? listingRatios(l) : undefined;
  return {
    multipart: m ? {
      sizeMiB: m.parts * m.partMiB, partMiB: m.partMiB, parts: m.parts, concurrency: m.concurrency,
      uploadMiBps: round(m.upload.mibPerSec), completeMs: round(m.upload.completeMs, 1), etagOk: m.upload.etagOk,
      uploadPeakRssMiB: m.upload.peakRssMiB === undefined ? null : round(m.upload.peakRssMiB),
      getMiBps: round(m.get.mibPerSec), getLengthOk: m.get.lengthMatches,
      getPeakRssMiB: m.get.peakRssMiB === undefined ? null : round(m.get.peakRssMiB),
    } : null,
    complete: (r.complete ?? []).map((t) => ({ parts: t.parts, objectMiB: t.objectMiB, completeMs: round(t.completeMs, 1), runs: t.runs, etagOk: t.etagOk })),
    listing: l ? {
      prefixes: l.prefixes,
      sizes: l.sizes.map((s) => ({
        keys: s.keys, filledBy: s.filledBy, populateOpsPerSec: round(s.populateOpsPerSec),
        pageMs: Object.fromEntries(s.pages.map((p) => [p.id, round(p.ms, 2)])),
      })),
      maxRatio: ratios ? round(Math.max(...ratios.map((x) => x.ratio)), 2) : null,
      flat: ratios ? ratios.every((x) => x.ratio < FLAT_RATIO) : null,
    } : null,
  };
}
