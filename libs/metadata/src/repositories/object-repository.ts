import type { Knex } from 'knex';
import type { Queryable } from '../transaction';
import { toDate, toJson, toNumber, toOptionalDate } from '../rows';
import type { AclGrant, LargeObjectManifest, ObjectPartRecord, ObjectRecord, ServerSideEncryption, StoredBlobKey } from './records';

type Row = Record<string, unknown>;

const object = (r: Row): ObjectRecord => ({
  id: toNumber(r.id),
  bucketId: toNumber(r.bucket_id),
  key: String(r.key),
  versionId: String(r.version_id),
  isLatest: Boolean(r.is_latest),
  isDeleteMarker: Boolean(r.is_delete_marker),
  size: toNumber(r.size),
  etag: String(r.etag),
  contentType: (r.content_type as string | null) ?? undefined,
  userMeta: toJson(r.user_meta, {}),
  headers: toJson(r.headers, {}),
  checksums: toJson(r.checksums, {}),
  tags: toJson(r.tags, {}),
  blobId: (r.blob_id as string | null) ?? undefined,
  partCount: r.part_count === null || r.part_count === undefined ? undefined : toNumber(r.part_count),
  ownerUserId: (r.owner_user_id as string | null) ?? undefined,
  acl: toJson<AclGrant[] | undefined>(r.acl, undefined),
  encryption: (r.encryption as ServerSideEncryption | null) ?? undefined,
  blobKey: toJson<StoredBlobKey | undefined>(r.blob_key, undefined),
  largeObject: toJson<LargeObjectManifest | undefined>(r.large_object, undefined),
  deleteAt: toOptionalDate(r.delete_at),
  createdAt: toDate(r.created_at),
});

const part = (r: Row): ObjectPartRecord => ({
  partNumber: toNumber(r.part_number),
  blobId: String(r.blob_id),
  blobKey: toJson<StoredBlobKey | undefined>(r.blob_key, undefined),
  size: toNumber(r.size),
  etag: String(r.etag),
  startOffset: toNumber(r.start_offset),
  ...(toNumber(r.blob_offset) > 0 ? { blobOffset: toNumber(r.blob_offset) } : {}),
});

export type NewObject = Omit<ObjectRecord, 'id' | 'createdAt' | 'isLatest'> & { createdAt?: Date };

/** One page request over the live (latest, not deleted) keys of a bucket, in byte order. */
export interface KeyRangeQuery {
  /** Return keys strictly greater than this (or >= when `inclusive`). */
  from?: string;
  inclusive?: boolean;
  /** Return keys strictly less than this (end of a prefix range). */
  before?: string;
  prefix?: string;
  limit: number;
  /** Read backwards (listLatest only): keys strictly less than `from` (<= when `inclusive`), descending. */
  descending?: boolean;
}

/** A row a set-based delete removed: what the usage counters and the caller's report need. */
export interface RemovedObject {
  key: string;
  size: number;
  isDeleteMarker: boolean;
  deleteAt?: Date;
}

/** A page request over every version and delete marker, by key, newest first within a key. */
export interface VersionRangeQuery extends KeyRangeQuery {
  /** With `from`: resume inside that key, at versions older than this row id. */
  belowId?: number;
}

/** Narrows a query on objects to the keys of `range`: prefix, start and end. */
function whereKeyRange(query: Knex.QueryBuilder, range: KeyRangeQuery): Knex.QueryBuilder {
  if (range.prefix) query.andWhere('key', '>=', range.prefix).andWhereRaw('starts_with(key, ?)', [range.prefix]);
  if (range.from !== undefined) query.andWhere('key', range.descending ? (range.inclusive ? '<=' : '<') : range.inclusive ? '>=' : '>', range.from);
  if (range.before !== undefined) query.andWhere('key', '<', range.before);
  return query;
}

export class ObjectRepository {
  constructor(private readonly q: Queryable) {}

  async findLatest(bucketId: number, key: string): Promise<ObjectRecord | undefined> {
    const row = await this.q('objects').where({ bucket_id: bucketId, key, is_latest: true }).first();
    return row && object(row);
  }

  async findVersion(bucketId: number, key: string, versionId: string): Promise<ObjectRecord | undefined> {
    const row = await this.q('objects').where({ bucket_id: bucketId, key, version_id: versionId }).first();
    return row && object(row);
  }

  /** In one query: the key's latest row and its row with `versionId` (often the same row). */
  async findLatestAndVersion(bucketId: number, key: string, versionId: string): Promise<{ latest?: ObjectRecord; version?: ObjectRecord }> {
    const rows = (
      await this.q('objects')
        .where({ bucket_id: bucketId, key })
        .andWhere((w) => w.where('is_latest', true).orWhere('version_id', versionId))
    ).map(object);
    return { latest: rows.find((r) => r.isLatest), version: rows.find((r) => r.versionId === versionId) };
  }

  /** Inserts a row as the latest version of its key; the caller has cleared the previous latest. */
  async insertLatest(o: NewObject): Promise<ObjectRecord> {
    const [row] = await this.q('objects')
      .insert({
        bucket_id: o.bucketId,
        key: o.key,
        version_id: o.versionId,
        is_latest: true,
        is_delete_marker: o.isDeleteMarker,
        size: o.size,
        etag: o.etag,
        content_type: o.contentType ?? null,
        user_meta: JSON.stringify(o.userMeta),
        headers: JSON.stringify(o.headers),
        checksums: JSON.stringify(o.checksums),
        tags: JSON.stringify(o.tags),
        blob_id: o.blobId ?? null,
        part_count: o.partCount ?? null,
        owner_user_id: o.ownerUserId ?? null,
        acl: o.acl ? JSON.stringify(o.acl) : null,
        encryption: o.encryption ?? null,
        blob_key: o.blobKey ? JSON.stringify(o.blobKey) : null,
        large_object: o.largeObject ? JSON.stringify(o.largeObject) : null,
        delete_at: o.deleteAt ?? null,
        ...(o.createdAt ? { created_at: o.createdAt } : {}),
      })
      .returning('*');
    return object(row);
  }

  /** Locks the key's latest row so concurrent writers of one key serialise. */
  async lockLatest(bucketId: number, key: string): Promise<ObjectRecord | undefined> {
    const row = await this.q('objects').where({ bucket_id: bucketId, key, is_latest: true }).forUpdate().first();
    return row && object(row);
  }

  /**
   * The key's latest row under a share lock: it cannot be deleted or replaced until the caller's
   * transaction ends (an SLO manifest recording references to a segment's blobs), while other
   * readers taking the same lock do not wait for each other.
   */
  async shareLatest(bucketId: number, key: string): Promise<ObjectRecord | undefined> {
    const row = await this.q('objects').where({ bucket_id: bucketId, key, is_latest: true }).forShare().first();
    return row && object(row);
  }

  async setAcl(id: number, acl: AclGrant[]): Promise<void> {
    await this.q('objects').where({ id }).update({ acl: JSON.stringify(acl) });
  }

  /** Replaces a version's tags; undefined when the row is gone. */
  async setTags(id: number, tags: Record<string, string>): Promise<ObjectRecord | undefined> {
    const [row] = await this.q('objects').where({ id }).update({ tags: JSON.stringify(tags) }).returning('*');
    return row && object(row);
  }

  /**
   * Replaces a version's user metadata and content type (Swift POST object), its X-Delete-At
   * when `deleteAt` is given (null clears it), and its large-object manifest when `largeObject`
   * is given (Swift POST with X-Object-Manifest); undefined when the row is gone.
   */
  async setUserMeta(
    id: number,
    userMeta: Record<string, string>,
    contentType: string | undefined,
    deleteAt?: Date | null,
    largeObject?: LargeObjectManifest,
  ): Promise<ObjectRecord | undefined> {
    const changes = {
      user_meta: JSON.stringify(userMeta),
      content_type: contentType ?? null,
      ...(deleteAt !== undefined ? { delete_at: deleteAt } : {}),
      ...(largeObject !== undefined ? { large_object: JSON.stringify(largeObject) } : {}),
    };
    const [row] = await this.q('objects').where({ id }).update(changes).returning('*');
    return row && object(row);
  }

  /** Latest versions whose X-Delete-At is at or before `now`, oldest expiry first (index objects_expiring). */
  async listExpired(now: Date, limit: number): Promise<ObjectRecord[]> {
    const rows = await this.q('objects').where('is_latest', true).whereNotNull('delete_at').andWhere('delete_at', '<=', now).orderBy('delete_at').limit(limit);
    return rows.map(object);
  }

  /** Makes the newest remaining version of a key its latest (after the latest was removed). */
  async promoteNewest(bucketId: number, key: string): Promise<ObjectRecord | undefined> {
    const newest = this.q('objects').where({ bucket_id: bucketId, key }).orderBy('id', 'desc').limit(1).select('id');
    const [row] = await this.q('objects').whereIn('id', newest).update({ is_latest: true }).returning('*');
    return row && object(row);
  }

  async clearLatest(id: number): Promise<void> {
    await this.q('objects').where({ id }).update({ is_latest: false });
  }

  async deleteById(id: number): Promise<void> {
    await this.q('objects').where({ id }).delete();
  }

  async insertParts(objectId: number, parts: ObjectPartRecord[]): Promise<void> {
    // Chunked so a 10,000-part manifest stays under the bind-parameter limit.
    for (let i = 0; i < parts.length; i += 1000) {
      await this.q('object_parts').insert(
        parts.slice(i, i + 1000).map((p) => ({
          object_id: objectId,
          part_number: p.partNumber,
          blob_id: p.blobId,
          blob_key: p.blobKey ? JSON.stringify(p.blobKey) : null,
          size: p.size,
          etag: p.etag,
          start_offset: p.startOffset,
          blob_offset: p.blobOffset ?? 0,
        })),
      );
    }
  }

  async parts(objectId: number): Promise<ObjectPartRecord[]> {
    return (await this.q('object_parts').where({ object_id: objectId }).orderBy('part_number')).map(part);
  }

  async findPart(objectId: number, partNumber: number): Promise<ObjectPartRecord | undefined> {
    const row = await this.q('object_parts').where({ object_id: objectId, part_number: partNumber }).first();
    return row && part(row);
  }

  /** Blob ids held by an object row: its own blob or its parts'. */
  async blobIdsOf(record: ObjectRecord): Promise<string[]> {
    if (record.blobId) return [record.blobId];
    if (!record.partCount) return [];
    return (await this.q('object_parts').where({ object_id: record.id }).pluck('blob_id')) as string[];
  }

  /** Live keys in byte order; uses the (bucket_id, key) index of latest rows, never a scan. */
  async listLatest(bucketId: number, range: KeyRangeQuery): Promise<ObjectRecord[]> {
    const query = whereKeyRange(this.q('objects').where({ bucket_id: bucketId, is_latest: true, is_delete_marker: false }), range);
    // An expired object is gone for readers before the worker removes its row.
    query.andWhere((w) => w.whereNull('delete_at').orWhere('delete_at', '>', new Date()));
    const rows = await query.orderBy('key', range.descending ? 'desc' : 'asc').limit(range.limit);
    return rows.map(object);
  }

  /** Versions and delete markers in (key byte order, newest first); seeks on (bucket_id, key, id). */
  async listVersions(bucketId: number, range: VersionRangeQuery): Promise<ObjectRecord[]> {
    const query = this.q('objects').where({ bucket_id: bucketId });
    const { from, belowId } = range;
    if (from !== undefined && belowId !== undefined) {
      // key >= from, minus the versions of `from` at or above the marker: an index range, not an OR.
      whereKeyRange(query, { ...range, inclusive: true }).whereNot((w) => w.where('key', from).andWhere('id', '>=', belowId));
    } else whereKeyRange(query, range);
    const rows = await query.orderBy([{ column: 'key' }, { column: 'id', order: 'desc' }]).limit(range.limit);
    return rows.map(object);
  }

  /**
   * Unversioned buckets, with the bucket row locked: removes the 'null' rows of `keys` (part rows
   * go with them) and queues their blobs for the collector, in one statement. Returns the rows removed.
   */
  async deleteNullVersions(bucketId: number, keys: string[]): Promise<RemovedObject[]> {
    if (keys.length === 0) return [];
    return this.deleteQueuingBlobs(this.q('objects').select('id').where({ bucket_id: bucketId, version_id: 'null' }).whereRaw('key = ANY(?)', [keys]));
  }

  /** As `deleteNullVersions`, for the first `range.limit` live 'null' rows of a key range, in key order. */
  async deleteNullVersionRange(bucketId: number, range: KeyRangeQuery): Promise<RemovedObject[]> {
    const ids = whereKeyRange(this.q('objects').select('id').where({ bucket_id: bucketId, is_latest: true, version_id: 'null' }), range);
    return this.deleteQueuingBlobs(ids.orderBy('key').limit(range.limit));
  }

  /**
   * Deletes the rows `ids` selects and, in the same statement, queues every blob they held (their
   * own or their parts', read before the cascade removes the parts) as `enqueueGarbage` does. The
   * collector re-checks references before unlinking, so a blob a copy or an SLO shares survives.
   */
  private async deleteQueuingBlobs(ids: Knex.QueryBuilder): Promise<RemovedObject[]> {
    const result = await this.q.raw(
      `WITH gone AS (DELETE FROM objects WHERE id IN ? RETURNING id, key, size, blob_id, is_delete_marker, delete_at),
       queued AS (
         INSERT INTO blob_gc (blob_id)
         SELECT blob_id FROM gone WHERE blob_id IS NOT NULL
         UNION SELECT p.blob_id FROM object_parts p JOIN gone ON p.object_id = gone.id
         ON CONFLICT (blob_id) DO NOTHING)
       SELECT key, size, is_delete_marker, delete_at FROM gone ORDER BY key`,
      [ids],
    );
    return (result.rows as Row[]).map((r) => ({
      key: String(r.key),
      size: toNumber(r.size),
      isDeleteMarker: Boolean(r.is_delete_marker),
      deleteAt: toOptionalDate(r.delete_at),
    }));
  }
}
