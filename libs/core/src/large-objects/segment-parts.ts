/**
 * Turning a large object's segments into the core's part list (ObjectPartRecord rows in order,
 * startOffset cumulative), so SLO, DLO and S3 multipart objects are all read by
 * `openObjectStream` the same way.
 *
 * API: `segmentsToParts(segments)` -> ObjectPartRecord[]. A segment is an object (one blob, or
 * its own parts for a multipart or large object) and the inclusive span of it that is used.
 * A part row has no offset inside its blob, so a span must start and end on the segment's part
 * boundaries (a whole simple object always does); otherwise NotImplemented.
 * Zero-byte segments add no part.
 */
import type { ObjectPartRecord, ObjectRecord } from '@gw/metadata';
import { GatewayError } from '../errors';

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
    : parts.map((p) => ({ blobId: p.blobId, size: p.size, etag: p.etag, ...(p.blobKey ? { blobKey: p.blobKey } : {}) }));
  const picked: Piece[] = [];
  let at = 0;
  for (const piece of whole) {
    const pieceEnd = at + piece.size - 1;
    if (piece.size > 0 && at >= start && pieceEnd <= end) picked.push(piece);
    else if (piece.size > 0 && pieceEnd >= start && at <= end) {
      throw new GatewayError('NotImplemented', 'A segment range must start and end on a part boundary of the segment.');
    }
    at += piece.size;
  }
  return picked;
}
