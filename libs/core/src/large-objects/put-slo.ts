/**
 * Swift SLO manifest PUT (`?multipart-manifest=put`), the core half of slo.py's
 * `handle_multipart_put`: every segment is looked up (each distinct path once; any container of
 * the account), checked with `checkSloSegments`, and on success the manifest object is written
 * in one transaction. No data is copied: its part rows are the segments' blobs (with their keys),
 * as CompleteMultipartUpload's are the parts'. The segment rows are share-locked in that
 * transaction, so none can be deleted (its blobs queued) before the manifest's references are
 * committed; the collector re-checks references before it unlinks, so deleting a segment later
 * never takes bytes the manifest still uses.
 *
 * API: `putSlo(ctx, input)` -> `{ ok: true, object }` or `{ ok: false, errors }` (Swift's
 * `[quoted path, status]` pairs, nothing written; render with `formatSloErrors`). A segment in
 * a container `mayRead` refuses is "403 Forbidden", a missing one "404 Not Found". A DLO
 * segment counts as its current concatenation; an SLO segment as its parts (`sub_slo`).
 */
import { AclGrant, BucketRecord, ObjectPartRecord, ObjectRecord, Queryable, repositories, withTransaction } from '@gw/metadata';
import type { AclInput } from '../acl/acl';
import { objectOwnerOf } from '../acl/canned-acl';
import { resolveAcl } from '../acl/resolve-acl';
import type { ReportError } from '../bulk/swift-report';
import { GatewayError } from '../errors';
import { assertValidObjectKey } from '../objects/object-key';
import { insertObjectVersion } from '../objects/put-object';
import { assertUserMetadataSize } from '../objects/user-metadata';
import type { StorageContext } from '../storage-context';
import { resolveDloSegments, SegmentReadCheck } from './dlo-segments';
import type { SloSegmentSpec } from './slo-manifest';
import { checkSloSegments, SegmentLookup } from './slo-segments';
import { segmentsToParts } from './segment-parts';

export interface PutSloInput {
  bucket: BucketRecord;
  key: string;
  /** The parsed manifest body (`parseSloManifest`). */
  segments: SloSegmentSpec[];
  contentType?: string;
  userMeta?: Record<string, string>;
  headers?: Record<string, string>;
  ownerUserId?: string;
  acl?: AclInput;
  /** When the manifest object expires (Swift X-Delete-At); its segments keep their own. */
  deleteAt?: Date;
  /** The access decision for reading a segment's container (the caller's own decision point). */
  mayRead: SegmentReadCheck;
}

export type PutSloResult = { ok: true; object: ObjectRecord } | { ok: false; errors: ReportError[] };

export async function putSlo(ctx: StorageContext, input: PutSloInput): Promise<PutSloResult> {
  assertValidObjectKey(input.key);
  assertUserMetadataSize(input.userMeta ?? {}, ctx.limits.maxUserMetadataBytes);
  const owners = { owner: objectOwnerOf(input.bucket, input.ownerUserId), bucketOwner: input.bucket.ownerUserId };
  const acl = input.acl && (await resolveAcl(ctx.db.knex, input.acl, owners));
  try {
    return await withTransaction(ctx.db.knex, async (trx) => {
      // The target's lock first, as every writer of the bucket takes it first.
      const bucket = await repositories(trx).buckets.lockById(input.bucket.id);
      if (!bucket) throw new GatewayError('NoSuchBucket', undefined, { BucketName: input.bucket.name });
      const found = await lookUpSegments(trx, bucket.accountId, input.segments, input.mayRead);
      const check = checkSloSegments(input.segments, (spec) => found.get(pathKey(spec))!);
      if (!check.ok) throw new Refused(check.errors);
      const parts = segmentsToParts(check.segments);
      const object = await insertObjectVersion(trx, bucket, {
        key: input.key,
        size: check.size,
        etag: check.etag,
        contentType: input.contentType,
        userMeta: input.userMeta ?? {},
        headers: input.headers ?? {},
        checksums: {},
        tags: {},
        partCount: parts.length,
        ownerUserId: input.ownerUserId,
        acl,
        encryption: encryptionOf(bucket, parts),
        largeObject: { kind: 'slo', manifest: check.manifest },
        ...(input.deleteAt ? { deleteAt: input.deleteAt } : {}),
      });
      await repositories(trx).objects.insertParts(object.id, parts);
      return { ok: true as const, object };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, errors: error.errors };
    throw error;
  }
}

/** Rolls the transaction back while carrying Swift's per-segment errors out of it. */
class Refused extends Error {
  constructor(readonly errors: ReportError[]) {
    super('SLO manifest refused');
  }
}

const pathKey = (spec: SloSegmentSpec): string => `${spec.container}\u0000${spec.object}`;

/** Each distinct segment once, its row share-locked until the transaction ends. */
async function lookUpSegments(trx: Queryable, accountId: string, specs: SloSegmentSpec[], mayRead: SegmentReadCheck): Promise<Map<string, SegmentLookup>> {
  const repos = repositories(trx);
  const buckets = new Map<string, BucketRecord | undefined>();
  const found = new Map<string, SegmentLookup>();
  for (const spec of specs) {
    const id = pathKey(spec);
    if (found.has(id)) continue;
    if (!buckets.has(spec.container)) buckets.set(spec.container, await repos.buckets.findByName(accountId, spec.container));
    const bucket = buckets.get(spec.container);
    if (!bucket) {
      found.set(id, { found: false, status: '404 Not Found' });
      continue;
    }
    if (!mayRead(bucket)) {
      found.set(id, { found: false, status: '403 Forbidden' });
      continue;
    }
    const object = spec.object.includes('\u0000') ? undefined : await repos.objects.shareLatest(bucket.id, spec.object);
    if (!object || object.isDeleteMarker) found.set(id, { found: false, status: '404 Not Found' });
    else found.set(id, await segmentOf(trx, accountId, object, mayRead));
  }
  return found;
}

/** A found segment with the parts its bytes are: its own blob, its parts, or a DLO's current segments. */
async function segmentOf(trx: Queryable, accountId: string, object: ObjectRecord, mayRead: SegmentReadCheck): Promise<SegmentLookup> {
  const large = object.largeObject;
  if (large?.kind === 'dlo') {
    const dlo = await resolveDloSegments(trx, accountId, large, { mayRead, shareLock: true });
    return { found: true, object: { ...object, blobId: undefined, blobKey: undefined, size: dlo.size, etag: dlo.etag }, parts: dlo.parts };
  }
  const parts: ObjectPartRecord[] = object.blobId ? [] : await repositories(trx).objects.parts(object.id);
  return { found: true, object, parts, isSlo: large?.kind === 'slo' };
}

/**
 * What the manifest reports: the bucket's default encryption, else AES256 when every shared blob
 * is encrypted. Each part keeps its own key, so reading works whatever the mix.
 */
function encryptionOf(bucket: BucketRecord, parts: ObjectPartRecord[]): BucketRecord['encryption'] {
  if (bucket.encryption) return bucket.encryption;
  return parts.length > 0 && parts.every((p) => p.blobKey) ? 'AES256' : undefined;
}
