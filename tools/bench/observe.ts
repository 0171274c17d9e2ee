// Runs one measured piece of work and records what surrounds it: elapsed time, the gateway's RSS
// before and at its peak, and CPU use (the gateway's, ours, and other processes').
import { cpuSince, cpuSnapshot, type CpuReport } from './cpu-usage';
import { readRssMiB, sampleRss } from './rss-sampler';
import { nowMs } from './units';

export interface Observation<T> {
  value: T;
  ms: number;
  rssBeforeMiB?: number;
  peakRssMiB?: number;
  cpu: CpuReport;
}

/** `sampleMemory: false` for a measurement that does not involve the gateway (its CPU is still counted). */
export async function observe<T>(gatewayPid: number, work: () => Promise<T>, { sampleMemory = true } = {}): Promise<Observation<T>> {
  const rssBeforeMiB = sampleMemory ? readRssMiB(gatewayPid) : undefined;
  const sampler = sampleMemory ? sampleRss(gatewayPid) : undefined;
  const cpu = cpuSnapshot(gatewayPid);
  const started = nowMs();
  try {
    const value = await work();
    const ms = nowMs() - started;
    return { value, ms, rssBeforeMiB, peakRssMiB: sampler?.stop().peakMiB, cpu: cpuSince(cpu, gatewayPid) };
  } finally {
    sampler?.stop();
  }
}
