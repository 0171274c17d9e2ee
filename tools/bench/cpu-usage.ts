// CPU accounting for a measurement window: what the gateway and this process used, and how much
// of the machine other processes took meanwhile (a loaded machine explains noisy figures).
import fs from 'node:fs';
import os from 'node:os';

/** Clock ticks per second of /proc's stat files (USER_HZ; 100 on every mainstream Linux). */
const USER_HZ = 100;

interface CpuSnapshot {
  /** Busy and total ms of all CPUs together, from /proc/stat; undefined off Linux. */
  machine?: { busyMs: number; totalMs: number };
  gatewayMs?: number;
  self: NodeJS.CpuUsage;
}

export interface CpuReport {
  cpus: number;
  /** CPU time of the gateway process (all threads). */
  gatewayMs?: number;
  /** CPU time of this process (the client side; all threads). */
  benchMs: number;
  /** Share of the whole machine (all CPUs) that other processes used, in %. */
  othersPct?: number;
  /** Share of the whole machine that was busy, in %. */
  machineBusyPct?: number;
}

function readMachine(): CpuSnapshot['machine'] {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal [guest guest_nice: already inside user/nice]
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields;
    const busy = user + nice + system + irq + softirq + steal;
    return { busyMs: (busy * 1000) / USER_HZ, totalMs: ((busy + idle + iowait) * 1000) / USER_HZ };
  } catch {
    return undefined;
  }
}

function readProcessMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ; // utime + stime
  } catch {
    return undefined;
  }
}

export function cpuSnapshot(gatewayPid: number): CpuSnapshot {
  return { machine: readMachine(), gatewayMs: readProcessMs(gatewayPid), self: process.cpuUsage() };
}

export function cpuSince(start: CpuSnapshot, gatewayPid: number): CpuReport {
  const end = cpuSnapshot(gatewayPid);
  const self = process.cpuUsage(start.self);
  const benchMs = (self.user + self.system) / 1000;
  const gatewayMs = start.gatewayMs !== undefined && end.gatewayMs !== undefined ? end.gatewayMs - start.gatewayMs : undefined;
  const report: CpuReport = { cpus: os.cpus().length, gatewayMs, benchMs };
  if (start.machine && end.machine) {
    const totalMs = end.machine.totalMs - start.machine.totalMs;
    const busyMs = end.machine.busyMs - start.machine.busyMs;
    if (totalMs > 0) {
      report.machineBusyPct = (100 * busyMs) / totalMs;
      report.othersPct = Math.max(0, (100 * (busyMs - benchMs - (gatewayMs ?? 0))) / totalMs);
    }
  }
  return report;
}
