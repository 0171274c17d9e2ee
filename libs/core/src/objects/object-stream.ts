import { Readable } from 'node:stream';
import type { ByteRange } from '@gw/blob';
import type { ObjectPartRecord, ObjectRecord } from '@gw/metadata';
import { openBlob } from '../blob-io';
import type { StorageContext } from '../storage-context';

/**
 * The bytes of an object, or of a range of it, as one stream: a simple object is one blob; a
 * multipart object is its parts in order, each read only where it overlaps the range. Reading
 * is pulled by the consumer, so backpressure holds across part boundaries. Each blob decrypts
 * with its own key when encrypted: a range of a part starts its keystream mid-blob.
 */
export async function openObjectStream(
  ctx: StorageContext,
  object: ObjectRecord,
  parts: ObjectPartRecord[],
  range?: ByteRange,
): Promise<Readable> {
  const wanted = range ?? { start: 0, end: object.size - 1 };
  if (object.blobId) return openBlob(ctx, { blobId: object.blobId, blobKey: object.blobKey }, range);
  if (object.size === 0 || parts.length === 0) return Readable.from([]);

  const pieces = parts
    .filter((p) => p.size > 0 && p.startOffset <= wanted.end && p.startOffset + p.size - 1 >= wanted.start)
    .map((p) => ({
      reference: { blobId: p.blobId, blobKey: p.blobKey },
      // A part may be a slice of its blob (a ranged SLO segment): its bytes start at blobOffset.
      range: {
        start: Math.max(wanted.start, p.startOffset) - p.startOffset + (p.blobOffset ?? 0),
        end: Math.min(wanted.end, p.startOffset + p.size - 1) - p.startOffset + (p.blobOffset ?? 0),
      },
    }));
  // Open the first piece now so a missing blob fails before any response header is sent.
  const first = await openBlob(ctx, pieces[0].reference, pieces[0].range);
  async function* concatenate() {
    for (let i = 0; i < pieces.length; i++) {
      const stream = i === 0 ? first : await openBlob(ctx, pieces[i].reference, pieces[i].range);
      yield* stream;
    }
  }
  return Readable.from(concatenate(), { objectMode: false });
}
