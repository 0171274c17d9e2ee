// The benchmark's scratch directory: the gateway's DATA_DIR and the large test files live in it,
// so the fs reference and the gateway write to the same disk.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

export interface TempWorkspace {
  dir: string;
  /** True when dir sits on the same device as the repository (where ./data would go by default). */
  sameDeviceAsRepo: boolean;
  remove(): Promise<void>;
}

export async function createTempWorkspace(baseDir: string, repoRoot: string): Promise<TempWorkspace> {
  await fsp.mkdir(baseDir, { recursive: true });
  const dir = await fsp.mkdtemp(path.join(baseDir, 'gw-bench-'));
  const sameDeviceAsRepo = fs.statSync(dir).dev === fs.statSync(repoRoot).dev;
  let removed = false;
  return {
    dir,
    sameDeviceAsRepo,
    async remove() {
      if (removed) return;
      removed = true;
      await fsp.rm(dir, { recursive: true, force: true });
    },
  };
}
