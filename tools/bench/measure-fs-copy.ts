// Reference: what plain Node streams achieve copying the same file on the same disk, with the
// copy fdatasynced before the clock stops.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { writeStreamDurably } from './durable-write';
import { mibPerSecond, nowMs } from './units';

export interface FsCopyResult {
  bytes: number;
  ms: number;
  mibPerSec: number;
}

export async function measureFsCopy(sourcePath: string, targetPath: string): Promise<FsCopyResult> {
  const started = nowMs();
  await writeStreamDurably(fs.createReadStream(sourcePath), targetPath);
  const ms = nowMs() - started;
  const bytes = (await fsp.stat(targetPath)).size;
  await fsp.rm(targetPath, { force: true }); // only the figure matters; free the disk space
  return { bytes, ms, mibPerSec: mibPerSecond(bytes, ms) };
}
