import { randomBytes } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FsBlobStore, MasterKeyWrapper } from '@gw/blob';
import { createTestDatabase, TestDatabase } from '@gw/metadata/testing';
import type { BucketRecord } from '@gw/metadata';
import { ErrorCode, GatewayError } from '../errors';
import { createStorage, Storage } from '../storage';
import { DEFAULT_LIMITS, StorageContext, StorageLimits } from '../storage-context';

/** The core over the test file's database and a blob store of its own. */
export interface StorageScope {
  storage: Storage;
  ctx: StorageContext;
  blobs: FsBlobStore;
  blobRoot: string;
  /** Ids of the durable blob files under data/. */
  blobFiles(): Promise<string[]>;
  /** Names of the in-flight (temporary) files under tmp/. */
  tmpFiles(): Promise<string[]>;
}

/**
 * One test file's storage: a migrated test database (opened once per file in beforeAll: PGlite
 * costs ~0.5 s and ~200 MB), an FsBlobStore under its temp dir, and the core on top.
 * `scope()` gives a test a blob store of its own over the same database, so it can count files.
 */
export interface StorageFixture extends StorageScope {
  t: TestDatabase;
  scope(limits?: Partial<StorageLimits>): Promise<StorageScope>;
  close(): Promise<void>;
}

export async function openStorageFixture(): Promise<StorageFixture> {
  const t = await createTestDatabase();
  let scopes = 0;
  const scope = async (limits: Partial<StorageLimits> = {}): Promise<StorageScope> => {
    const blobRoot = join(t.dir, `blobs-${scopes++}`);
    await mkdir(blobRoot, { recursive: true });
    const blobs = await FsBlobStore.open(blobRoot);
    const keys = new MasterKeyWrapper(randomBytes(32));
    const ctx: StorageContext = { db: t.db, blobs, keys, region: 'kr-central-2', limits: { ...DEFAULT_LIMITS, ...limits } };
    return {
      storage: createStorage(ctx),
      ctx,
      blobs,
      blobRoot,
      blobFiles: () => listFiles(join(blobRoot, 'data')),
      tmpFiles: () => readdir(join(blobRoot, 'tmp')),
    };
  };
  return { ...(await scope()), t, scope, close: () => t.cleanup() };
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name))));
    else out.push(entry.name);
  }
  return out.sort();
}

/** A body delivered in chunks, as a socket would. */
export function bodyOf(data: Buffer | string, chunkSize = 64 * 1024): Readable {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  return Readable.from(chunks, { objectMode: false });
}

/** A body that delivers `prefix`, then fails with `error`. */
export function failingBody(prefix: Buffer, error: Error): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (sent) {
        setImmediate(() => this.destroy(error));
      } else {
        sent = true;
        this.push(prefix);
      }
    },
  });
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** What a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

/** The catalogue code a promise rejects with; any other outcome fails the test. */
export async function errorCodeOf(promise: Promise<unknown>): Promise<ErrorCode> {
  const error = await rejectionOf(promise);
  if (!(error instanceof GatewayError)) throw new Error(`expected a GatewayError, got ${String(error)}`);
  return error.code;
}

/** A bucket's usage counters as they are now. */
export async function usageOf(storage: Storage, bucket: BucketRecord): Promise<{ objectCount: number; bytesUsed: number }> {
  const { objectCount, bytesUsed } = await storage.buckets.get(bucket.accountId, bucket.name);
  return { objectCount, bytesUsed };
}

let accountSeq = 0;

/** Creates a fresh account (buckets reference one) and returns its id. */
export async function newAccount(storage: Storage): Promise<string> {
  accountSeq += 1;
  const account = await storage.accounts.create({ name: `acct-${accountSeq}` });
  return account.id;
}
