import type { IncomingHttpHeaders } from 'node:http';

/** One header as a single string (repeats joined with ','), undefined when absent. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(',') : value;
}
