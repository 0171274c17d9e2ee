// A fixed number of operations with at most `concurrency` in flight; the first failure stops the rest.
import { nowMs } from './units';

/** Runs `operation(0..count-1)` with at most `concurrency` in flight; returns per-op latencies. */
export async function runConcurrently(count: number, concurrency: number, operation: (i: number) => Promise<void>): Promise<number[]> {
  const latencies = new Array<number>(count);
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (next < count && !failed) {
      const i = next++;
      const started = nowMs();
      try {
        await operation(i);
      } catch (error) {
        failed = true; // the other lanes stop after their request in flight
        throw error;
      }
      latencies[i] = nowMs() - started;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return latencies;
}
