// CompleteMultipartUpload with few parts versus many (BENCH_COMPLETE_PARTS), all of 5 MiB, S3's
// minimum for every part but the last. Complete writes the object's manifest and moves no data,
// so its time may grow with the number of parts (one manifest row each) but not with the bytes.
// Uploads of 256 MiB or less are done three times and the median kept: one sample of a
// few-millisecond request is noise.
import { MIN_PART_BYTES, multipartUpload } from './multipart-upload';
import type { RandomFile } from './random-file';
import type { S3RawClient } from './s3-raw-client';
import { MiB, percentile } from './units';

const REPEAT_UP_TO_BYTES = 256 * MiB;
const REPEATS = 3;

export interface CompleteTiming {
  parts: number;
  objectMiB: number;
  /** Median CompleteMultipartUpload time over `runs` uploads. */
  completeMs: number;
  runs: number;
  /** Uploading the parts (the last run), for scale. */
  uploadMs: number;
  etagOk: boolean;
}

export async function measureComplete(
  client: S3RawClient, bucket: string, file: RandomFile, partCounts: readonly number[], concurrency: number,
): Promise<CompleteTiming[]> {
  const timings: CompleteTiming[] = [];
  for (const parts of partCounts) {
    const bytes = parts * MIN_PART_BYTES;
    const runs = bytes <= REPEAT_UP_TO_BYTES ? REPEATS : 1;
    const outcomes = [];
    for (let run = 0; run < runs; run++) {
      outcomes.push(await multipartUpload(client, bucket, `complete/${parts}-parts-${run}`, file, bytes, MIN_PART_BYTES, concurrency));
    }
    const last = outcomes[outcomes.length - 1];
    const completeMs = percentile(outcomes.map((o) => o.completeMs), 50);
    timings.push({ parts, objectMiB: bytes / MiB, completeMs, runs, uploadMs: last.uploadMs, etagOk: outcomes.every((o) => o.etagOk) });
  }
  return timings;
}
