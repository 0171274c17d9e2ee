// A large object through multipart upload (BENCH_MULTIPART_MIB in BENCH_PART_MIB parts,
// BENCH_PART_CONCURRENCY in flight), with the gateway's RSS and CPU observed; then a
// single-stream GET of it (the object is read part blob after part blob).
import { measureLargeGet, type LargeGetResult, type Transfer } from './measure-large-object';
import { multipartUpload } from './multipart-upload';
import { observe } from './observe';
import type { RandomFile } from './random-file';
import type { S3RawClient } from './s3-raw-client';
import { MiB, mibPerSecond } from './units';

export interface MultipartResult {
  partMiB: number;
  concurrency: number;
  parts: number;
  upload: Transfer & { completeMs: number; etag: string; etagOk: boolean };
  get: LargeGetResult;
}

export async function measureMultipart(
  client: S3RawClient, bucket: string, file: RandomFile, sizeMiB: number, partMiB: number, concurrency: number, gatewayPid: number,
): Promise<MultipartResult> {
  const key = 'multipart.bin';
  const bytes = sizeMiB * MiB;
  const { value: outcome, ...seen } = await observe(gatewayPid, () => multipartUpload(client, bucket, key, file, bytes, partMiB * MiB, concurrency));
  const upload = { ...seen, bytes, mibPerSec: mibPerSecond(bytes, seen.ms), completeMs: outcome.completeMs, etag: outcome.etag, etagOk: outcome.etagOk };
  const get = await measureLargeGet(client, bucket, key, bytes, gatewayPid);
  return { partMiB, concurrency, parts: outcome.parts, upload, get };
}
