import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

// Ids are random, never derived from object keys, and checked against this pattern before any
// path is built from them: no id can name a file outside the store.
const BLOB_ID = /^[0-9a-f]{32}$/;

export function newBlobId(): string {
  return randomBytes(16).toString('hex');
}

export function isBlobId(id: unknown): id is string {
  return typeof id === 'string' && BLOB_ID.test(id);
}

/**
 * Where an FsBlobStore keeps things under its root: durable blobs fanned out two levels deep
 * (`data/ab/cd/abcd...`, so no directory grows past what readdir handles comfortably), and
 * in-flight writes in `tmp/` on the same filesystem, so publishing one is an atomic rename.
 */
export class BlobLayout {
  readonly dataDir: string;
  readonly tmpDir: string;

  constructor(readonly root: string) {
    this.dataDir = join(root, 'data');
    this.tmpDir = join(root, 'tmp');
  }

  blobDir(id: string): string {
    return join(this.dataDir, id.slice(0, 2), id.slice(2, 4));
  }

  blobPath(id: string): string {
    return join(this.blobDir(id), id);
  }

  tempPath(id: string): string {
    return join(this.tmpDir, id);
  }
}
