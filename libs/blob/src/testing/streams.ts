import { Readable } from 'node:stream';

/** A body delivered in chunks of `chunkSize`, as a socket would. */
export function bodyOf(data: Buffer, chunkSize = 64 * 1024): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < data.length; i += chunkSize) chunks.push(data.subarray(i, i + chunkSize));
  return Readable.from(chunks, { objectMode: false });
}

/** A body that delivers `prefix`, then fails with `error` (or, without one, just closes). */
export function failingBody(prefix: Buffer, error?: Error): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(prefix);
      } else {
        // Later tick: the prefix has had the chance to flow downstream first.
        setImmediate(() => this.destroy(error));
      }
    },
  });
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
