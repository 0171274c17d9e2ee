import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * An exclusive lock on the embedded store's directory. PGlite has no locking of its own and two
 * processes on one data dir corrupt it silently, so the second process must refuse to start.
 * The lock file holds the owner's pid; a lock whose owner is gone is stale and is taken over.
 */
export class DataDirLockedError extends Error {
  constructor(readonly lockFile: string, readonly ownerPid: number) {
    super(
      `The embedded metadata store ${dirname(lockFile)} is in use by another process (pid ${ownerPid}). ` +
        'Stop that process first, or point DATA_DIR at another directory, or use DATABASE_URL for a shared Postgres server.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): void;
}

export function acquireDataDirLock(lockFile: string): DataDirLock {
  mkdirSync(dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            unlinkSync(lockFile);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const ownerPid = readOwnerPid(lockFile);
      if (ownerPid !== undefined && isAlive(ownerPid)) throw new DataDirLockedError(lockFile, ownerPid);
      unlinkSync(lockFile); // stale: its owner died without releasing it
    }
  }
  throw new Error(`Could not take the lock ${lockFile}`);
}

function readOwnerPid(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
