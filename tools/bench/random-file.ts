// Generates the large test file once: random (incompressible) data, streamed to disk in 1 MiB
// chunks (never held in memory), with its MD5 computed on the way for the ETag check.
import { createHash, randomFill } from 'node:crypto';
import { writeStreamDurably } from './durable-write';
import { MiB } from './units';

const fillRandom = (buffer: Buffer) =>
  new Promise<Buffer>((resolve, reject) => randomFill(buffer, (error, filled) => (error ? reject(error) : resolve(filled))));

export interface RandomFile {
  path: string;
  bytes: number;
  md5Hex: string;
}

export async function createRandomFile(filePath: string, sizeMiB: number): Promise<RandomFile> {
  const md5 = createHash('md5');
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let i = 0; i < sizeMiB; i++) {
      const chunk = await fillRandom(Buffer.allocUnsafe(MiB));
      md5.update(chunk);
      yield chunk;
    }
  }
  // Synced so that its write-back does not compete with the measurements that follow.
  await writeStreamDurably(chunks(), filePath);
  return { path: filePath, bytes: sizeMiB * MiB, md5Hex: md5.digest('hex') };
}
