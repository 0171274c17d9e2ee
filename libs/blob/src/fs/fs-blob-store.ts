import { mkdir, open, readdir, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { BlobStore, BlobWriteOptions, BlobWriteResult, ByteRange, StoredBlob } from '../blob-store';
import { BlobError } from '../errors';
import { BlobLayout, isBlobId } from './blob-layout';
import { isMissing, removeIfPresent } from './file-ops';
import { walkBlobFiles } from './walk-blobs';
import { FILE_STREAM_HIGH_WATER_MARK, writeBlob } from './write-blob';

/** A BlobStore on a local (or mounted) filesystem; layout in blob-layout.ts. */
export class FsBlobStore implements BlobStore {
  private constructor(private readonly layout: BlobLayout) {}

  /** Opens (creating if needed) a store rooted at `root`. */
  static async open(root: string): Promise<FsBlobStore> {
    const layout = new BlobLayout(root);
    await mkdir(layout.dataDir, { recursive: true });
    await mkdir(layout.tmpDir, { recursive: true });
    return new FsBlobStore(layout);
  }

  write(source: Readable, options?: BlobWriteOptions): Promise<BlobWriteResult> {
    return writeBlob(this.layout, source, options);
  }

  /**
   * Opens the file before handing out a stream, so a missing blob rejects here rather than as a
   * stream error after headers went out; an open file also stays readable if deleted meanwhile.
   */
  async read(id: string, range?: ByteRange): Promise<Readable> {
    if (range) assertRange(range);
    if (!isBlobId(id)) throw notFound(id);
    let handle;
    try {
      handle = await open(this.layout.blobPath(id), 'r');
    } catch (error) {
      throw isMissing(error) ? notFound(id, error) : error;
    }
    return handle.createReadStream({ start: range?.start, end: range?.end, highWaterMark: FILE_STREAM_HIGH_WATER_MARK });
  }

  async delete(id: string): Promise<void> {
    if (isBlobId(id)) await removeIfPresent(this.layout.blobPath(id));
  }

  async *listCreatedBefore(before: Date): AsyncIterable<StoredBlob> {
    for await (const { id, path } of walkBlobFiles(this.layout.dataDir)) {
      const info = await statIfPresent(path);
      // A Date built here rather than Stats' own: same instant, and `instanceof Date` holds even
      // across realms (jest runs specs in a vm context whose Date differs from the one fs uses).
      if (info && info.mtimeMs < before.getTime()) yield { id, size: info.size, createdAt: new Date(info.mtimeMs) };
    }
  }

  async purgeTemporary(before: Date): Promise<number> {
    let removed = 0;
    for (const name of await readdir(this.layout.tmpDir)) {
      const path = join(this.layout.tmpDir, name);
      const info = await statIfPresent(path);
      if (info?.isFile() && info.mtimeMs < before.getTime()) {
        await removeIfPresent(path);
        removed++;
      }
    }
    return removed;
  }
}

function notFound(id: string, cause?: unknown): BlobError {
  return new BlobError('not-found', `no blob ${JSON.stringify(id)}`, { cause });
}

// Ranges come resolved against the object's size by the caller; a malformed one is a bug there.
function assertRange({ start, end }: ByteRange): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`invalid byte range ${start}-${end}`);
  }
}

// Blobs and temp files can vanish between readdir and stat (a concurrent delete or purge).
async function statIfPresent(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}
