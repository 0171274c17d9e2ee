import type { Queryable } from '../transaction';
import { toDate, toJson, toNumber } from '../rows';
import type { AclGrant, BucketDocument, BucketRecord, ObjectRecord, ServerSideEncryption, VersioningState } from './records';

type Row = Record<string, unknown>;

/** A page of an account's bucket list (see `pageByAccount`). */
export interface BucketPageQuery {
  offset: number;
  limit: number;
  prefix?: string;
  contains?: string;
  orderBy: 'name' | 'created_at' | 'bytes_used';
  descending: boolean;
}

const bucket = (r: Row): BucketRecord => ({
  id: toNumber(r.id),
  accountId: String(r.account_id),
  name: String(r.name),
  ownerUserId: (r.owner_user_id as string | null) ?? undefined,
  region: String(r.region),
  versioning: r.versioning as VersioningState,
  objectCount: toNumber(r.object_count),
  bytesUsed: toNumber(r.bytes_used),
  meta: toJson(r.meta, {}),
  acl: toJson<AclGrant[] | undefined>(r.acl, undefined),
  lifecycle: toJson<unknown>(r.lifecycle, undefined),
  cors: toJson<unknown>(r.cors, undefined),
  logging: toJson<unknown>(r.logging, undefined),
  swiftAcl: toJson<unknown>(r.swift_acl, undefined),
  publicAccess: toJson<unknown>(r.public_access, undefined),
  encryption: (r.encryption as ServerSideEncryption | null) ?? undefined,
  createdAt: toDate(r.created_at),
});

export class BucketRepository {
  constructor(private readonly q: Queryable) {}

  async insert(b: { accountId: string; name: string; ownerUserId?: string; region: string; acl?: AclGrant[]; encryption?: ServerSideEncryption }): Promise<BucketRecord> {
    const [row] = await this.q('buckets')
      .insert({
        account_id: b.accountId,
        name: b.name,
        owner_user_id: b.ownerUserId ?? null,
        region: b.region,
        acl: b.acl ? JSON.stringify(b.acl) : null,
        encryption: b.encryption ?? null,
      })
      .returning('*');
    return bucket(row);
  }

  async findByName(accountId: string, name: string, options: { forUpdate?: boolean } = {}): Promise<BucketRecord | undefined> {
    const query = this.q('buckets').where({ account_id: accountId, name }).first();
    const row = await (options.forUpdate ? query.forUpdate() : query);
    return row && bucket(row);
  }

  /**
   * The bucket and, in the same round trip, the owner and ACL of one of its objects (the latest
   * version of `key`, or its version `versionId`; none when that is a delete marker or absent):
   * what an access decision on an object needs.
   */
  async findWithObjectAcl(
    accountId: string,
    name: string,
    object: { key: string; versionId?: string },
  ): Promise<{ bucket: BucketRecord; object?: Pick<ObjectRecord, 'ownerUserId' | 'acl'> } | undefined> {
    const row = await this.q('buckets as b')
      .leftJoin('objects as o', (join) => {
        join.on('o.bucket_id', '=', 'b.id').andOnVal('o.key', '=', object.key).andOnVal('o.is_delete_marker', '=', false);
        if (object.versionId === undefined) join.andOnVal('o.is_latest', '=', true);
        else join.andOnVal('o.version_id', '=', object.versionId);
      })
      .where({ 'b.account_id': accountId, 'b.name': name })
      .first('b.*', 'o.id as object_row_id', 'o.owner_user_id as object_owner_user_id', 'o.acl as object_acl');
    if (!row) return undefined;
    const found = row.object_row_id !== null && row.object_row_id !== undefined;
    return {
      bucket: bucket(row),
      object: found
        ? { ownerUserId: (row.object_owner_user_id as string | null) ?? undefined, acl: toJson<AclGrant[] | undefined>(row.object_acl, undefined) }
        : undefined,
    };
  }

  async setAcl(id: number, acl: AclGrant[]): Promise<BucketRecord | undefined> {
    const [row] = await this.q('buckets').where({ id }).update({ acl: JSON.stringify(acl) }).returning('*');
    return row && bucket(row);
  }

  /** Sets and removes user metadata entries (Swift X-Container-Meta-*) in one atomic update; undefined when the row is gone. */
  async mergeMeta(id: number, set: Record<string, string>, remove: readonly string[]): Promise<BucketRecord | undefined> {
    const [row] = await this.q('buckets')
      .where({ id })
      .update({ meta: this.q.raw('(meta || ?::jsonb) - ARRAY(SELECT jsonb_array_elements_text(?::jsonb))', [JSON.stringify(set), JSON.stringify(remove)]) })
      .returning('*');
    return row && bucket(row);
  }

  /** Replaces one configuration document of the bucket; undefined removes it. */
  async setDocument(id: number, name: BucketDocument, document: object | undefined): Promise<BucketRecord | undefined> {
    const [row] = await this.q('buckets')
      .where({ id })
      .update({ [name]: document === undefined ? null : JSON.stringify(document) })
      .returning('*');
    return row && bucket(row);
  }

  /** Sets or (undefined) removes the bucket's default encryption. */
  async setEncryption(id: number, encryption: ServerSideEncryption | undefined): Promise<BucketRecord | undefined> {
    const [row] = await this.q('buckets').where({ id }).update({ encryption: encryption ?? null }).returning('*');
    return row && bucket(row);
  }

  async setVersioning(id: number, versioning: VersioningState): Promise<BucketRecord | undefined> {
    const [row] = await this.q('buckets').where({ id }).update({ versioning }).returning('*');
    return row && bucket(row);
  }

  /** Locks the bucket row for the rest of the transaction; undefined when it is gone. */
  async lockById(id: number): Promise<BucketRecord | undefined> {
    const row = await this.q('buckets').where({ id }).forUpdate().first();
    return row && bucket(row);
  }

  /** Up to `limit` buckets of that name, in any account (names are unique per account only). */
  async findInAnyAccount(name: string, limit: number): Promise<BucketRecord[]> {
    const rows = await this.q('buckets').where({ name }).orderBy('id').limit(limit);
    return rows.map(bucket);
  }

  async findById(id: number): Promise<BucketRecord | undefined> {
    const row = await this.q('buckets').where({ id }).first();
    return row && bucket(row);
  }

  async listByAccount(accountId: string): Promise<BucketRecord[]> {
    const rows = await this.q('buckets').where({ account_id: accountId }).orderByRaw('name COLLATE "C"');
    return rows.map(bucket);
  }

  /**
   * One page of an account's buckets and how many match in all, filtered and sorted in SQL: names
   * starting with `prefix` or containing `contains`, ordered by `orderBy` (ties by name, in byte
   * order) ascending or descending.
   */
  async pageByAccount(accountId: string, page: BucketPageQuery): Promise<{ total: number; buckets: BucketRecord[] }> {
    const matching = () => {
      const query = this.q('buckets').where({ account_id: accountId });
      if (page.prefix !== undefined) query.whereRaw('starts_with(name, ?)', [page.prefix]);
      if (page.contains !== undefined) query.whereRaw('strpos(name, ?) > 0', [page.contains]);
      return query;
    };
    const direction = page.descending ? 'DESC' : 'ASC';
    const order = page.orderBy === 'name' ? `name COLLATE "C" ${direction}` : `${page.orderBy} ${direction}, name COLLATE "C" ${direction}`;
    const count = await matching().count({ n: '*' }).first();
    const rows = await matching().orderByRaw(order).offset(page.offset).limit(page.limit);
    return { total: toNumber(count?.n), buckets: rows.map(bucket) };
  }

  async countByAccount(accountId: string): Promise<number> {
    const row = await this.q('buckets').where({ account_id: accountId }).count({ n: '*' }).first();
    return toNumber(row?.n);
  }

  /** Usage counters move in the same transaction as the rows they count. */
  async adjustUsage(id: number, objects: number, bytes: number): Promise<void> {
    if (objects === 0 && bytes === 0) return;
    await this.q('buckets')
      .where({ id })
      .update({
        object_count: this.q.raw('object_count + ?', [objects]),
        bytes_used: this.q.raw('bytes_used + ?', [bytes]),
      });
  }

  /** True when any object version, delete marker or multipart upload remains in the bucket. */
  async hasContent(id: number): Promise<boolean> {
    const object = await this.q('objects').where({ bucket_id: id }).select(this.q.raw('1')).first();
    if (object) return true;
    const upload = await this.q('multipart_uploads').where({ bucket_id: id }).select(this.q.raw('1')).first();
    return Boolean(upload);
  }

  async delete(id: number): Promise<boolean> {
    return (await this.q('buckets').where({ id }).delete()) > 0;
  }
}
