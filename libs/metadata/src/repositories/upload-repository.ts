import type { Queryable } from '../transaction';
import { toDate, toJson, toNumber } from '../rows';
import type { AclGrant, ServerSideEncryption, StoredBlobKey, UploadPartRecord, UploadRecord } from './records';

type Row = Record<string, unknown>;

const upload = (r: Row): UploadRecord => ({
  uploadId: String(r.upload_id),
  bucketId: toNumber(r.bucket_id),
  key: String(r.key),
  contentType: (r.content_type as string | null) ?? undefined,
  userMeta: toJson(r.user_meta, {}),
  headers: toJson(r.headers, {}),
  tags: toJson(r.tags, {}),
  checksumAlgorithm: (r.checksum_algorithm as string | null) ?? undefined,
  ownerUserId: (r.owner_user_id as string | null) ?? undefined,
  acl: toJson<AclGrant[] | undefined>(r.acl, undefined),
  encryption: (r.encryption as ServerSideEncryption | null) ?? undefined,
  initiatedAt: toDate(r.initiated_at),
});

const part = (r: Row): UploadPartRecord => ({
  uploadId: String(r.upload_id),
  partNumber: toNumber(r.part_number),
  blobId: String(r.blob_id),
  size: toNumber(r.size),
  etag: String(r.etag),
  checksums: toJson(r.checksums, {}),
  blobKey: toJson<StoredBlobKey | undefined>(r.blob_key, undefined),
  createdAt: toDate(r.created_at),
});

export type NewUpload = Omit<UploadRecord, 'initiatedAt'> & { initiatedAt?: Date };
export type NewUploadPart = Omit<UploadPartRecord, 'createdAt'>;

/** One page request over a bucket's uploads, in (key, upload id) byte order. */
export interface UploadRangeQuery {
  prefix?: string;
  /** Resume after this key (at it when `inclusive`); with `uploadId`, after that upload of the key. */
  from?: { key: string; uploadId?: string; inclusive?: boolean };
  /** Keys strictly less than this (end of a prefix range). */
  before?: string;
  limit: number;
}

/** Multipart uploads in progress and their parts. */
export class UploadRepository {
  constructor(private readonly q: Queryable) {}

  async insert(u: NewUpload): Promise<UploadRecord> {
    const [row] = await this.q('multipart_uploads')
      .insert({
        upload_id: u.uploadId,
        bucket_id: u.bucketId,
        key: u.key,
        content_type: u.contentType ?? null,
        user_meta: JSON.stringify(u.userMeta),
        headers: JSON.stringify(u.headers),
        tags: JSON.stringify(u.tags),
        checksum_algorithm: u.checksumAlgorithm ?? null,
        owner_user_id: u.ownerUserId ?? null,
        acl: u.acl ? JSON.stringify(u.acl) : null,
        encryption: u.encryption ?? null,
        ...(u.initiatedAt ? { initiated_at: u.initiatedAt } : {}),
      })
      .returning('*');
    return upload(row);
  }

  async find(uploadId: string): Promise<UploadRecord | undefined> {
    const row = await this.q('multipart_uploads').where({ upload_id: uploadId }).first();
    return row && upload(row);
  }

  /** Locks the upload row: part uploads, completion and abort of one upload serialise on it. */
  async lock(uploadId: string): Promise<UploadRecord | undefined> {
    const row = await this.q('multipart_uploads').where({ upload_id: uploadId }).forUpdate().first();
    return row && upload(row);
  }

  /** Removes the upload and (by cascade) its part rows; the caller has queued their blobs. */
  async delete(uploadId: string): Promise<void> {
    await this.q('multipart_uploads').where({ upload_id: uploadId }).delete();
  }

  /** Uploads in key order, then upload id order (ids begin with their initiation time). */
  async list(bucketId: number, range: UploadRangeQuery): Promise<UploadRecord[]> {
    const query = this.q('multipart_uploads').where({ bucket_id: bucketId });
    if (range.prefix) query.andWhere('key', '>=', range.prefix).andWhereRaw('starts_with(key, ?)', [range.prefix]);
    const from = range.from;
    if (from?.uploadId !== undefined) query.andWhereRaw('(key, upload_id COLLATE "C") > (?, ?)', [from.key, from.uploadId]);
    else if (from) query.andWhere('key', from.inclusive ? '>=' : '>', from.key);
    if (range.before !== undefined) query.andWhere('key', '<', range.before);
    const rows = await query.orderBy('key').orderByRaw('upload_id COLLATE "C"').limit(range.limit);
    return rows.map(upload);
  }

  async findPart(uploadId: string, partNumber: number): Promise<UploadPartRecord | undefined> {
    const row = await this.q('upload_parts').where({ upload_id: uploadId, part_number: partNumber }).first();
    return row && part(row);
  }

  /** Stores a part, replacing the row of a part uploaded before with the same number. */
  async putPart(p: NewUploadPart): Promise<UploadPartRecord> {
    const [row] = await this.q('upload_parts')
      .insert({
        upload_id: p.uploadId,
        part_number: p.partNumber,
        blob_id: p.blobId,
        size: p.size,
        etag: p.etag,
        checksums: JSON.stringify(p.checksums),
        blob_key: p.blobKey ? JSON.stringify(p.blobKey) : null,
        created_at: this.q.fn.now(),
      })
      .onConflict(['upload_id', 'part_number'])
      .merge()
      .returning('*');
    return part(row);
  }

  /** Parts with a number above `after`, in order; `limit` rows at most. */
  async listParts(uploadId: string, after: number, limit: number): Promise<UploadPartRecord[]> {
    const rows = await this.q('upload_parts')
      .where({ upload_id: uploadId })
      .andWhere('part_number', '>', after)
      .orderBy('part_number')
      .limit(limit);
    return rows.map(part);
  }

  async allParts(uploadId: string): Promise<UploadPartRecord[]> {
    return (await this.q('upload_parts').where({ upload_id: uploadId }).orderBy('part_number')).map(part);
  }
}
