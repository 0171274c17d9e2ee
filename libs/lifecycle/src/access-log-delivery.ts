import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { AccessLogRecord, GatewayError, Storage } from '@gw/core';
import type { WorkerJob } from './job-runner';

export interface AccessLogDeliverySettings {
  /** How often pending log lines are delivered. */
  intervalMs: number;
  /** Most lines claimed at once (and so most lines in one log object). */
  batchSize?: number;
  /** How long a claim holds its lines; a run that dies mid-delivery frees them after this. */
  leaseMs?: number;
}

export interface DeliveryResult {
  /** Lines written into log objects. */
  delivered: number;
  /** Log objects written. */
  objects: number;
  /** Lines whose target bucket no longer exists. */
  dropped: number;
}

const DEFAULT_BATCH = 1000;
const DEFAULT_LEASE_MS = 10 * 60_000;

/** The worker job that moves recorded server access log lines into their target buckets. */
export function accessLogDeliveryJob(storage: Storage, settings: AccessLogDeliverySettings): WorkerJob {
  return {
    name: 'access-log-delivery',
    intervalMs: settings.intervalMs,
    run: async () => ({ ...(await deliverAccessLogs(storage, settings)) }),
  };
}

/**
 * Delivers every pending line, a leased batch at a time: the lines of one target bucket and
 * prefix become one log object `<prefix><YYYY-mm-DD-HH-MM-SS>-<16 hex>` (S3's key format),
 * written through the core like any object, and then leave the queue. A crash between the
 * write and the removal delivers those lines again after the lease (at least once, as S3
 * promises "best effort"); a write that fails leaves its lines for a later run.
 */
export async function deliverAccessLogs(storage: Storage, settings: Omit<AccessLogDeliverySettings, 'intervalMs'> = {}): Promise<DeliveryResult> {
  const batchSize = settings.batchSize ?? DEFAULT_BATCH;
  const leaseMs = settings.leaseMs ?? DEFAULT_LEASE_MS;
  const result: DeliveryResult = { delivered: 0, objects: 0, dropped: 0 };
  let failure: unknown;
  for (;;) {
    const batch = await storage.accessLogs.claim(batchSize, leaseMs);
    for (const records of groupByTarget(batch.records)) {
      try {
        if (await deliverGroup(storage, records)) {
          result.delivered += records.length;
          result.objects += 1;
        } else {
          result.dropped += records.length;
        }
        await storage.accessLogs.complete(batch, records.map((r) => r.id));
      } catch (error) {
        failure ??= error;
      }
    }
    if (batch.records.length < batchSize || failure !== undefined) break;
  }
  // Reported after the other targets had their turn, so one broken target delays only itself.
  if (failure !== undefined) throw failure;
  return result;
}

/** Writes one log object; false when the target bucket is gone (its lines are dropped). */
async function deliverGroup(storage: Storage, records: AccessLogRecord[]): Promise<boolean> {
  const { accountId, targetBucket, targetPrefix } = records[0];
  let bucket;
  try {
    bucket = await storage.buckets.get(accountId, targetBucket);
  } catch (error) {
    if (error instanceof GatewayError && error.code === 'NoSuchBucket') return false;
    throw error;
  }
  const body = Buffer.from(records.map((r) => `${r.line}\n`).join(''));
  await storage.objects.put({
    bucket,
    key: logObjectKey(targetPrefix, new Date()),
    body: Readable.from([body]),
    size: body.length,
    contentType: 'text/plain',
    ownerUserId: bucket.ownerUserId,
  });
  return true;
}

/** `logs/2026-11-22-10-04-59-0123456789ABCDEF`: the time of delivery, then 16 random hex digits. */
export function logObjectKey(prefix: string, time: Date): string {
  const stamp = time.toISOString().slice(0, 19).replace(/[T:]/g, '-');
  return `${prefix}${stamp}-${randomBytes(8).toString('hex').toUpperCase()}`;
}

function groupByTarget(records: AccessLogRecord[]): AccessLogRecord[][] {
  const groups = new Map<string, AccessLogRecord[]>();
  for (const record of records) {
    const key = JSON.stringify([record.accountId, record.targetBucket, record.targetPrefix]);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return [...groups.values()];
}
