// Formatting shared by the report's tables: numbers, CPU notes, Markdown-style tables.
import type { CpuReport } from './cpu-usage';

export const fmt = (value: number | undefined, digits = 1): string => (value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(digits));

export const cpuNote = (cpu: CpuReport): string =>
  `cpu: gw ${fmt(cpu.gatewayMs === undefined ? undefined : cpu.gatewayMs / 1000, 2)} s, bench ${fmt(cpu.benchMs / 1000, 2)} s, others ${fmt(cpu.othersPct, 0)}% of ${cpu.cpus} cpus`;

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  const line = (row: string[]) => '| ' + row.map((cell, col) => (cell ?? '').padEnd(widths[col])).join(' | ') + ' |';
  const rule = '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|';
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}
