/**
 * Swift bulk middleware's keep-alive (bulk.py `yield_frequency`): a bulk delete that runs long
 * sends its 200 and Content-Type early, then a space every `intervalMs` while it works, so clients
 * and proxies with read timeouts keep waiting. `sendBulkReport` then ends the body with a blank
 * line and the report, whose Response Status carries the outcome (a JSON or XML parser skips the
 * leading whitespace). An operation that finishes within the first interval answers exactly as
 * without it. Beats come between units of work (no timer to leak), as in bulk.py.
 *
 * API:
 * - `new BulkKeepAlive(res, intervalMs?)`; `beat()` between batches; `started` once the 200 went out.
 */
import type { Response } from 'express';
import { reportFormat } from '@gw/core';

/** bulk.py's default yield_frequency. */
export const BULK_KEEP_ALIVE_MS = 10_000;

export class BulkKeepAlive {
  private last = Date.now();

  constructor(
    private readonly res: Response,
    private readonly intervalMs = BULK_KEEP_ALIVE_MS,
  ) {}

  get started(): boolean {
    return this.res.headersSent;
  }

  beat(): void {
    if (Date.now() - this.last < this.intervalMs || this.res.destroyed || this.res.writableEnded) return;
    this.last = Date.now();
    if (!this.res.headersSent) {
      this.res.status(200);
      this.res.setHeader('Content-Type', `${reportFormat(this.res.req.get('accept'))}; charset=utf-8`);
    }
    this.res.write(' ');
  }
}
