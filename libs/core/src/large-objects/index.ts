export { MAX_SLO_MANIFEST_BYTES, MAX_SLO_SEGMENTS, parseSegmentRange, parseSloManifest, resolveSegmentRange } from './slo-manifest';
export type { SegmentRange, SloSegmentSpec } from './slo-manifest';
export { checkSloSegments, formatSloErrors } from './slo-segments';
export type { CheckedSegment, SegmentLookup, SloCheck, SloManifestEntry } from './slo-segments';
export { segmentsToParts } from './segment-parts';
export type { SegmentSpan } from './segment-parts';
export { dloEtag, parseDloManifest } from './dlo-manifest';
export type { DloManifest } from './dlo-manifest';
