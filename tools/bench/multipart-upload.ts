// One multipart upload driven like a client's transfer manager: CreateMultipartUpload, the parts
// (cut from the random file) at a fixed concurrency over a keep-alive agent, then
// CompleteMultipartUpload, timed on its own.
import http from 'node:http';
import { cyclicSlice } from './file-slice';
import type { RandomFile } from './random-file';
import { runConcurrently } from './run-concurrently';
import { completeMultipartUpload, createMultipartUpload, expectedMultipartEtag, uploadPart } from './s3-calls';
import type { S3RawClient } from './s3-raw-client';
import { MiB, nowMs } from './units';

/** S3's minimum size of every part but the last. */
export const MIN_PART_BYTES = 5 * MiB;

export interface MultipartUploadOutcome {
  bytes: number;
  parts: number;
  /** From CreateMultipartUpload to the last part stored. */
  uploadMs: number;
  /** CompleteMultipartUpload alone. */
  completeMs: number;
  etag: string;
  /** The ETag is S3's MD5 of the part MD5s with the part count. */
  etagOk: boolean;
}

export async function multipartUpload(
  client: S3RawClient, bucket: string, key: string, file: RandomFile, objectBytes: number, partBytes: number, concurrency: number,
): Promise<MultipartUploadOutcome> {
  const parts = Math.ceil(objectBytes / partBytes);
  if (parts > 1 && partBytes < MIN_PART_BYTES) throw new Error(`parts of ${partBytes} bytes: S3 wants at least 5 MiB for all parts but the last`);
  if (parts > 10_000) throw new Error(`${parts} parts: S3 allows at most 10,000`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    const started = nowMs();
    const uploadId = await createMultipartUpload(client, bucket, key);
    const etags = new Array<string>(parts);
    await runConcurrently(parts, concurrency, async (i) => {
      const length = Math.min(partBytes, objectBytes - i * partBytes);
      const stream = cyclicSlice(file.path, file.bytes, i * partBytes, length);
      etags[i] = await uploadPart(client, bucket, key, uploadId, i + 1, { stream, length }, agent);
    });
    const uploadMs = nowMs() - started;
    const { etag, ms: completeMs } = await completeMultipartUpload(client, bucket, key, uploadId, etags.map((e, i) => ({ partNumber: i + 1, etag: e })));
    return { bytes: objectBytes, parts, uploadMs, completeMs, etag, etagOk: etag === expectedMultipartEtag(etags) };
  } finally {
    agent.destroy();
  }
}
