/**
 * The current segments of a Swift DLO (`X-Object-Manifest: container/prefix`), resolved at read
 * time as Swift's dlo.py does: the live objects of `container` (same account) under `prefix`,
 * in name order, read as one object.
 *
 * API: `resolveDloSegments(q, accountId, manifest, options?)` -> `{ parts, size, etag, count }`:
 * the segments as the core's part list (so `openObjectStream` reads them like any multipart
 * object), their total size and the DLO ETag (md5 of the segment ETags, unquoted). A segment
 * that is itself a DLO manifest contributes its own stored bytes (Swift does not recurse); an SLO
 * segment contributes its parts. A missing container is no segments (Swift: an empty object).
 * More than MAX_DLO_SEGMENTS segments is Conflict; a container `mayRead` refuses is AccessDenied.
 * With `shareLock` (a writer about to record references to the segments' blobs: an SLO over a
 * DLO, a copy of a DLO) each segment row is share-locked in the caller's transaction.
 */
import { BucketRecord, ObjectPartRecord, ObjectRecord, Queryable, repositories } from '@gw/metadata';
import { GatewayError } from '../errors';
import { prefixUpperBound } from '../objects/object-key';
import { dloEtag, DloManifest } from './dlo-manifest';
import { segmentsToParts } from './segment-parts';

/** Most segments a DLO is read from (Swift's container listing pages, capped as RGW caps them). */
export const MAX_DLO_SEGMENTS = 10000;
const PAGE = 1000;

/** Whether the caller may read the objects of a bucket other than the manifest's own. */
export type SegmentReadCheck = (bucket: BucketRecord) => boolean;

export interface ResolvedDlo {
  parts: ObjectPartRecord[];
  size: number;
  etag: string;
  count: number;
}

export interface ResolveDloOptions {
  /** Asked for the segments' container unless it is `decidedBucketId`. */
  mayRead?: SegmentReadCheck;
  /** The DLO's own container, which the caller's request was decided on already. */
  decidedBucketId?: number;
  shareLock?: boolean;
}

export async function resolveDloSegments(q: Queryable, accountId: string, manifest: DloManifest, options: ResolveDloOptions = {}): Promise<ResolvedDlo> {
  const { mayRead, decidedBucketId, shareLock } = options;
  const repos = repositories(q);
  const bucket = await repos.buckets.findByName(accountId, manifest.container);
  if (!bucket) return { parts: [], size: 0, etag: dloEtag([]), count: 0 };
  if (mayRead && bucket.id !== decidedBucketId && !mayRead(bucket)) throw new GatewayError('AccessDenied');

  const segments: ObjectRecord[] = [];
  const before = manifest.prefix ? prefixUpperBound(manifest.prefix) : undefined;
  for (let from: string | undefined; ; ) {
    const page = await repos.objects.listLatest(bucket.id, { prefix: manifest.prefix || undefined, from, before, limit: PAGE });
    segments.push(...page);
    if (segments.length > MAX_DLO_SEGMENTS) {
      throw new GatewayError('Conflict', `The dynamic large object has more than ${MAX_DLO_SEGMENTS} segments.`);
    }
    if (page.length < PAGE) break;
    from = page[page.length - 1].key;
  }
  const spans = [];
  for (const listed of segments) {
    const object = shareLock ? await repos.objects.shareLatest(bucket.id, listed.key) : listed;
    if (!object || object.isDeleteMarker) continue; // deleted since it was listed
    const parts = object.blobId || object.size === 0 ? [] : await repos.objects.parts(object.id);
    spans.push({ object, parts, start: 0, end: object.size - 1 });
  }
  return {
    parts: segmentsToParts(spans),
    size: spans.reduce((total, s) => total + s.object.size, 0),
    etag: dloEtag(spans.map((s) => s.object.etag)),
    count: spans.length,
  };
}
