import { randomUUID } from 'node:crypto';
import { AccessLogRecord, BucketRecord, repositories } from '@gw/metadata';
import type { StorageContext } from '../storage-context';
import type { LoggingConfiguration } from './logging-configuration';

/** Records leased to one delivery run. */
export interface AccessLogBatch {
  claimId: string;
  records: AccessLogRecord[];
}

/**
 * Server access log records: the dialect that served a request on a logged bucket records its
 * log line here; the worker claims batches, writes them into the target buckets as objects and
 * then completes them. Lines are opaque text in the dialect's log format.
 */
export class AccessLogService {
  constructor(private readonly ctx: StorageContext) {}

  /** Queues one line for the bucket's logging target; nothing when the bucket is not logged. */
  async record(bucket: BucketRecord, line: string): Promise<void> {
    const logging = bucket.logging as LoggingConfiguration | undefined;
    if (!logging) return;
    await repositories(this.ctx.db.knex).accessLogs.insert({
      accountId: bucket.accountId,
      targetBucket: logging.targetBucket,
      targetPrefix: logging.targetPrefix,
      line,
    });
  }

  /** Leases up to `limit` of the oldest records for `leaseMs`; another claimer gets them only once the lease runs out. */
  async claim(limit: number, leaseMs: number): Promise<AccessLogBatch> {
    const claimId = randomUUID();
    return { claimId, records: await repositories(this.ctx.db.knex).accessLogs.claim(claimId, limit, leaseMs) };
  }

  /** Removes delivered (or undeliverable) records of a batch; returns how many were still held. */
  complete(batch: Pick<AccessLogBatch, 'claimId'>, ids: number[]): Promise<number> {
    return repositories(this.ctx.db.knex).accessLogs.deleteClaimed(batch.claimId, ids);
  }

  /** Records waiting for delivery (for tests and monitoring). */
  pending(): Promise<number> {
    return repositories(this.ctx.db.knex).accessLogs.count();
  }
}
