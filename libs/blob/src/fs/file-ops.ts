import { mkdir, open, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

export function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/** Unlinks a file; a file that is already gone is what the caller wanted anyway. */
export async function removeIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

/**
 * Persists a directory's entries: a renamed or created name survives a crash only once the
 * directory holding it has been fsynced.
 */
export async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** mkdir -p, then syncs the parents of whatever it created so the new directories persist too. */
export async function makeDurableDirectory(path: string, stopAt: string): Promise<void> {
  const firstCreated = await mkdir(path, { recursive: true });
  if (firstCreated === undefined) return;
  for (let dir = path; dir !== stopAt && dir.length >= firstCreated.length; dir = dirname(dir)) {
    await syncDirectory(dirname(dir));
  }
}
