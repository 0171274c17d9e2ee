// Single-stream PUT of the large file (streamed from disk) and GET of it back (drained, counted),
// with the gateway's peak RSS sampled during each.
import fs from 'node:fs';
import type { RandomFile } from './random-file';
import { whileSamplingRss } from './rss-sampler';
import type { S3RawClient } from './s3-raw-client';
import { mibPerSecond } from './units';

export interface LargePutResult {
  bytes: number;
  ms: number;
  mibPerSec: number;
  etag: string;
  etagMatchesMd5: boolean;
  rssBeforeMiB: number | undefined;
  peakRssMiB: number | undefined;
}

export interface LargeGetResult {
  bytes: number;
  ms: number;
  mibPerSec: number;
  lengthMatches: boolean;
  rssBeforeMiB: number | undefined;
  peakRssMiB: number | undefined;
}

export async function measureLargePut(
  client: S3RawClient, bucket: string, key: string, file: RandomFile, gatewayPid: number,
): Promise<LargePutResult> {
  const { value: etag, ms, rssBeforeMiB, peakRssMiB } = await whileSamplingRss(gatewayPid, () =>
    client.putObject(bucket, key, { stream: fs.createReadStream(file.path), length: file.bytes }, false),
  );
  return { bytes: file.bytes, ms, mibPerSec: mibPerSecond(file.bytes, ms), etag, etagMatchesMd5: etag === file.md5Hex, rssBeforeMiB, peakRssMiB };
}

export async function measureLargeGet(
  client: S3RawClient, bucket: string, key: string, expectedBytes: number, gatewayPid: number,
): Promise<LargeGetResult> {
  const { value: res, ms, rssBeforeMiB, peakRssMiB } = await whileSamplingRss(gatewayPid, () => client.getObject(bucket, key, false));
  const bytes = res.bytes;
  return { bytes, ms, mibPerSec: mibPerSecond(bytes, ms), lengthMatches: bytes === expectedBytes, rssBeforeMiB, peakRssMiB };
}
