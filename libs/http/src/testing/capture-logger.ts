import { Writable } from 'node:stream';
import type { LevelWithSilent } from 'pino';
import { createLogger, Logger } from '../logger';

export interface CapturedLogger {
  logger: Logger;
  /** Every line written so far, parsed. */
  lines(): Record<string, unknown>[];
}

/** A real logger whose lines are kept in memory, for specs that assert on logging. */
export function captureLogger(level: LevelWithSilent = 'trace'): CapturedLogger {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line));
      callback();
    },
  });
  return { logger: createLogger({ level, name: 'test', destination }), lines: () => lines };
}
