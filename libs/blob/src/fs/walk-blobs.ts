import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isBlobId } from './blob-layout';
import { isMissing } from './file-ops';

const FAN_OUT_DIR = /^[0-9a-f]{2}$/;

/** Yields the id and path of every durable blob file under `dataDir`, one leaf directory at a time. */
export async function* walkBlobFiles(dataDir: string): AsyncGenerator<{ id: string; path: string }> {
  for (const first of await subdirectories(dataDir)) {
    for (const second of await subdirectories(join(dataDir, first))) {
      const leaf = join(dataDir, first, second);
      for (const entry of await entries(leaf)) {
        // Only names that belong in this leaf: anything else is not a blob this store wrote.
        if (entry.isFile() && isBlobId(entry.name) && entry.name.startsWith(first + second)) {
          yield { id: entry.name, path: join(leaf, entry.name) };
        }
      }
    }
  }
}

async function subdirectories(dir: string): Promise<string[]> {
  return (await entries(dir)).filter((e) => e.isDirectory() && FAN_OUT_DIR.test(e.name)).map((e) => e.name).sort();
}

async function entries(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}
