// Samples a process's resident set size from /proc/<pid>/status (VmRSS) at a fixed interval.
import fs from 'node:fs';
import { MiB } from './units';

export function readRssMiB(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? (Number(match[1]) * 1024) / MiB : undefined;
  } catch {
    return undefined; // not Linux, or the process is gone
  }
}

export interface RssSampler {
  /** Stops sampling; returns the peak seen (including one last sample), undefined when unreadable. */
  stop(): { peakMiB: number | undefined; samples: number };
}

export function sampleRss(pid: number, intervalMs = 100): RssSampler {
  let peak: number | undefined;
  let samples = 0;
  const sample = () => {
    const rss = readRssMiB(pid);
    if (rss === undefined) return;
    samples++;
    peak = peak === undefined ? rss : Math.max(peak, rss);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  let stopped = false;
  return {
    stop() {
      if (!stopped) {
        stopped = true;
        clearInterval(timer);
        sample();
      }
      return { peakMiB: peak, samples };
    },
  };
}

