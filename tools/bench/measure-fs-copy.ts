// Reference: what plain Node streams achieve copying the same file on the same disk, with the
// copy fdatasynced before the clock stops.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type { CpuReport } from './cpu-usage';
import { writeStreamDurably } from './durable-write';
import { observe } from './observe';
import { mibPerSecond } from './units';

export interface FsCopyResult {
  bytes: number;
  ms: number;
  mibPerSec: number;
  cpu: CpuReport;
}

/** `gatewayPid`: the (idle) gateway, whose CPU use is reported rather than blamed on others. */
export async function measureFsCopy(sourcePath: string, targetPath: string, gatewayPid: number): Promise<FsCopyResult> {
  const { ms, cpu } = await observe(gatewayPid, () => writeStreamDurably(fs.createReadStream(sourcePath), targetPath), { sampleMemory: false });
  const bytes = (await fsp.stat(targetPath)).size;
  await fsp.rm(targetPath, { force: true }); // only the figure matters; free the disk space
  return { bytes, ms, mibPerSec: mibPerSecond(bytes, ms), cpu };
}
