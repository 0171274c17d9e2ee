// Part bodies cut from the benchmark's random file, streamed from disk. An object larger than the
// file (2 GiB of parts from a 1 GiB file) reads it again from the start: the gateway stores every
// part as its own blob whatever the bytes are, so repeated content changes nothing it does.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { MiB } from './units';

/** `length` bytes of the file from `offset` (modulo its size), wrapping around its end. */
export function cyclicSlice(filePath: string, fileBytes: number, offset: number, length: number): Readable {
  async function* segments(): AsyncGenerator<Buffer> {
    let position = offset % fileBytes;
    let left = length;
    while (left > 0) {
      const take = Math.min(left, fileBytes - position);
      for await (const chunk of fs.createReadStream(filePath, { start: position, end: position + take - 1, highWaterMark: MiB })) {
        yield chunk as Buffer;
      }
      left -= take;
      position = 0;
    }
  }
  return Readable.from(segments(), { objectMode: false });
}
