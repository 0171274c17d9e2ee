import { createWriteStream, type WriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { BlobWriteOptions, BlobWriteResult } from '../blob-store';
import { asWriteError } from '../errors';
import { WriteMeter } from '../write-meter';
import { newBlobId, type BlobLayout } from './blob-layout';
import { makeDurableDirectory, removeIfPresent, syncDirectory } from './file-ops';

/** Large file-stream buffers: fewer syscalls per byte, still constant memory per write. */
export const FILE_STREAM_HIGH_WATER_MARK = 1024 * 1024;

/**
 * Streams a body into a temporary file, makes it durable, then publishes it under a fresh id
 * with an atomic rename: a blob is either complete and synced at its final path, or absent.
 * Every failure removes what the attempt created before rejecting.
 */
export async function writeBlob(layout: BlobLayout, source: Readable, options?: BlobWriteOptions): Promise<BlobWriteResult> {
  const id = newBlobId();
  const tempPath = layout.tempPath(id);
  const finalPath = layout.blobPath(id);
  let published = false;
  let file: WriteStream | undefined;
  try {
    const meter = new WriteMeter(options);
    // The file stream opens its own handle rather than taking one opened beforehand: pipeline
    // then listens to the source from this very tick, where awaiting an open first would leave
    // a source that fails meanwhile with an unhandled 'error'. 'wx' refuses to overwrite
    // anything; `flush` fsyncs before the close, and a pipeline that succeeds resolves only after it.
    file = createWriteStream(tempPath, { flags: 'wx', flush: true, highWaterMark: FILE_STREAM_HIGH_WATER_MARK });
    await pipeline(source, meter, file);
    await makeDurableDirectory(layout.blobDir(id), layout.dataDir);
    await rename(tempPath, finalPath);
    published = true;
    await syncDirectory(layout.blobDir(id));
    return { id, ...meter.result() };
  } catch (error) {
    // pipeline can reject (a premature close) while the file is still being opened; unlinking
    // before its close would race the open and leave the file behind.
    if (file && !file.closed) await finished(file).catch(() => undefined);
    await removeIfPresent(published ? finalPath : tempPath).catch(() => undefined);
    throw asWriteError(error);
  }
}
