import { Transform } from 'node:stream';
import type { ContentLengthRange } from '@gw/auth';
import { GatewayError } from '@gw/core';

/**
 * Holds a streamed body to a POST policy's content-length-range while it passes: EntityTooLarge
 * as soon as it goes past the maximum (nothing more is read into the store), EntityTooSmall at
 * its end when it stayed under the minimum. Either error fails the write, so nothing is stored.
 */
export function enforceLengthRange(range: ContentLengthRange): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size <= range.max) callback(null, chunk);
      else callback(new GatewayError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', { MaxSizeAllowed: range.max }));
    },
    flush(callback) {
      if (size >= range.min) callback();
      else {
        const details = { ProposedSize: size, MinSizeAllowed: range.min };
        callback(new GatewayError('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size', details));
      }
    },
  });
}
