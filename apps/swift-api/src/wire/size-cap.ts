import { Transform } from 'node:stream';

/**
 * A pass-through that fails once more than `max` bytes have gone by (nothing past the cap reaches
 * the store, so the write fails and stores nothing); `exceeded` tells why it failed.
 */
export function sizeCap(max: number, error: () => Error): Transform & { exceeded: boolean } {
  let size = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size <= max) callback(null, chunk);
      else {
        cap.exceeded = true;
        callback(error());
      }
    },
  }) as Transform & { exceeded: boolean };
  cap.exceeded = false;
  return cap;
}
