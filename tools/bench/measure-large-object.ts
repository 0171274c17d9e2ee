// Single-stream PUT of the large file (streamed from disk) and GET of it back (drained, counted),
// with the gateway's RSS and CPU observed during each; over any ObjectClient (S3, Swift).
import fs from 'node:fs';
import type { CpuReport } from './cpu-usage';
import { observe } from './observe';
import type { RandomFile } from './random-file';
import type { ObjectClient } from './object-client';
import { mibPerSecond } from './units';

export interface Transfer {
  bytes: number;
  ms: number;
  mibPerSec: number;
  rssBeforeMiB?: number;
  peakRssMiB?: number;
  cpu: CpuReport;
}

export interface LargePutResult extends Transfer {
  etag: string;
  etagMatchesMd5: boolean;
}

export interface LargeGetResult extends Transfer {
  lengthMatches: boolean;
}

export async function measureLargePut(
  client: ObjectClient, bucket: string, key: string, file: RandomFile, gatewayPid: number,
): Promise<LargePutResult> {
  const { value: etag, ...seen } = await observe(gatewayPid, () =>
    client.putObject(bucket, key, { stream: fs.createReadStream(file.path), length: file.bytes }, false),
  );
  return { ...seen, bytes: file.bytes, mibPerSec: mibPerSecond(file.bytes, seen.ms), etag, etagMatchesMd5: etag === file.md5Hex };
}

export async function measureLargeGet(
  client: ObjectClient, bucket: string, key: string, expectedBytes: number, gatewayPid: number,
): Promise<LargeGetResult> {
  const { value: response, ...seen } = await observe(gatewayPid, () => client.getObject(bucket, key, false));
  const bytes = response.bytes;
  return { ...seen, bytes, mibPerSec: mibPerSecond(bytes, seen.ms), lengthMatches: bytes === expectedBytes };
}
