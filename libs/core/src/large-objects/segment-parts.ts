/**
 * Turning a large object's segments into the core's part list (ObjectPartRecord rows in order,
 * startOffset cumulative), so SLO, DLO and S3 multipart objects are all read by
 * `openObjectStream` the same way.
 *
 * API: `segmentsToParts(segments)` -> ObjectPartRecord[]. A segment is an object (one blob, or
 * its own parts for a multipart or large object) and the inclusive span of it that is used.
 * A span that cuts into a blob keeps only the slice it uses (`blobOffset` and size): nothing is
 * copied whatever the range. Zero-byte segments add no part.
 */
import type { ObjectPartRecord, ObjectRecord } from '@gw/metadata';

export interface SegmentSpan {
  object: ObjectRecord;
  parts: ObjectPartRecord[];
  start: number;
  end: number;
}

export function segmentsToParts(segments: readonly SegmentSpan[]): ObjectPartRecord[] {
  const out: ObjectPartRecord[] = [];
  let offset = 0;
  for (const segment of segments) {
    for (const piece of piecesOf(segment)) {
      out.push({ ...piece, partNumber: out.length + 1, startOffset: offset });
      offset += piece.size;
    }
  }
  return out;
}

type Piece = Omit<ObjectPartRecord, 'partNumber' | 'startOffset'>;

function piecesOf({ object, parts, start, end }: SegmentSpan): Piece[] {
  if (end < start || object.size === 0) return [];
  const whole: Piece[] = object.blobId
    ? [{ blobId: object.blobId, size: object.size, etag: object.etag, ...(object.blobKey ? { blobKey: object.blobKey } : {}) }]
    : parts.map(({ blobId, blobKey, blobOffset, size, etag }) => ({ blobId, size, etag, ...(blobKey ? { blobKey } : {}), ...(blobOffset ? { blobOffset } : {}) }));
  const picked: Piece[] = [];
  let at = 0; // where the piece starts in the segment
  for (const piece of whole) {
    const pieceEnd = at + piece.size - 1;
    const from = Math.max(start, at);
    const to = Math.min(end, pieceEnd);
    if (piece.size > 0 && from <= to) {
      const offset = (piece.blobOffset ?? 0) + (from - at);
      picked.push({ ...piece, size: to - from + 1, ...(offset ? { blobOffset: offset } : {}) });
    }
    at += piece.size;
  }
  return picked;
}
