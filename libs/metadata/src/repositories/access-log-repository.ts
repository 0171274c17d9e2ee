import type { Queryable } from '../transaction';
import { toDate, toNumber } from '../rows';
import type { AccessLogRecord } from './records';

type Row = Record<string, unknown>;

const record = (r: Row): AccessLogRecord => ({
  id: toNumber(r.id),
  accountId: String(r.account_id),
  targetBucket: String(r.target_bucket),
  targetPrefix: String(r.target_prefix),
  line: String(r.line),
  createdAt: toDate(r.created_at),
});

export type NewAccessLogRecord = Omit<AccessLogRecord, 'id' | 'createdAt'>;

/** Server access log lines waiting for delivery, and the leases workers take on them. */
export class AccessLogRepository {
  constructor(private readonly q: Queryable) {}

  async insert(entry: NewAccessLogRecord): Promise<void> {
    await this.q('access_log_records').insert({
      account_id: entry.accountId,
      target_bucket: entry.targetBucket,
      target_prefix: entry.targetPrefix,
      line: entry.line,
    });
  }

  /**
   * Leases up to `limit` of the oldest records nobody holds (never claimed, or whose lease ran
   * out) to `claimId` for `leaseMs`, oldest first. The claim is one statement that commits at
   * once, so no transaction stays open while the worker writes the log objects; SKIP LOCKED
   * keeps concurrent claims from waiting on, or taking, each other's rows.
   */
  async claim(claimId: string, limit: number, leaseMs: number): Promise<AccessLogRecord[]> {
    const result = await this.q.raw(
      `UPDATE access_log_records SET claim_id = ?, claimed_until = now() + make_interval(secs => ?)
       WHERE id IN (
         SELECT id FROM access_log_records
         WHERE claimed_until IS NULL OR claimed_until < now()
         ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [claimId, leaseMs / 1000, limit],
    );
    return (result.rows as Row[]).map(record).sort((a, b) => a.id - b.id);
  }

  /** Deletes records of `ids` still held by `claimId` (a record whose lease was taken over stays). */
  async deleteClaimed(claimId: string, ids: number[]): Promise<number> {
    if (ids.length === 0) return 0;
    return this.q('access_log_records').where({ claim_id: claimId }).whereIn('id', ids).delete();
  }

  async count(): Promise<number> {
    const row = await this.q('access_log_records').count({ n: '*' }).first();
    return toNumber(row?.n);
  }
}
