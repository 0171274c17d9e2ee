// Writes a stream to a new file and fdatasyncs it before resolving, the way the gateway makes a
// blob durable: the figures then include getting the bytes onto the disk, not just into the cache.
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';

const open = promisify(fs.open);
const fdatasync = promisify(fs.fdatasync);
const close = promisify(fs.close);

export async function writeStreamDurably(source: Readable | AsyncIterable<Buffer>, filePath: string): Promise<void> {
  // A plain fd rather than a FileHandle: a FileHandle stays referenced by a stream that does not
  // close it, and its close() would then never resolve.
  const fd = await open(filePath, 'wx');
  try {
    // autoClose: false keeps the fd open for the fdatasync; emitClose: false lets the pipeline
    // settle on 'finish' instead of waiting for a close that this stream will not do.
    await pipeline(source, fs.createWriteStream('', { fd, autoClose: false, emitClose: false }));
    await fdatasync(fd);
  } finally {
    await close(fd);
  }
}
