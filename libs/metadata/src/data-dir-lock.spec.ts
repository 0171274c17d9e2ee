import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock';

describe('acquireDataDirLock', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'gw-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second holder while the first is alive', () => {
    const lockFile = path.join(dir, 'meta.lock');
    writeFileSync(lockFile, String(process.ppid)); // a live process that is not us
    expect(() => acquireDataDirLock(lockFile)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(lockFile)).toThrow(/in use by another process/);
  });

  it('takes over a stale lock whose owner is gone, and releases it', () => {
    const lockFile = path.join(dir, 'meta.lock');
    writeFileSync(lockFile, '999999999');
    const lock = acquireDataDirLock(lockFile);
    expect(() => acquireDataDirLock(path.join(dir, 'other.lock')).release()).not.toThrow();
    lock.release();
    acquireDataDirLock(lockFile).release();
  });
});
