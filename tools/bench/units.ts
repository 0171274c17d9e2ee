// Small numeric helpers shared by the measurements and the report.

export const MiB = 1024 * 1024;

/** Monotonic clock in milliseconds. */
export const nowMs = (): number => performance.now();

export const mibPerSecond = (bytes: number, ms: number): number => bytes / MiB / (ms / 1000);

/** Nearest-rank percentile (p in 0..100) of an unsorted sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;
