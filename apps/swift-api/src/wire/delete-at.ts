/**
 * Swift object expiration headers, checked as swift/common/constraints.py `check_delete_headers`
 * checks them.
 *
 * API:
 * - `readDeleteAt(req, now?)`: the expiry a PUT, POST or COPY asks for: `X-Delete-After`
 *   (seconds from now) or `X-Delete-At` (Unix seconds); undefined when neither is sent. A
 *   non-integer is 400 "Non-integer X-Delete-After" / "Non-integer X-Delete-At", a time not in
 *   the future 400 "X-Delete-After in past" / "X-Delete-At in past".
 * - `readDeleteAtChange(req)`: for POST: that, or null when `X-Remove-Delete-At` asks to clear it.
 * - `writeDeleteAt(res, object)`: `X-Delete-At` on a GET/HEAD answer of an expiring object.
 */
import type { Request, Response } from 'express';
import { GatewayError, ObjectRecord } from '@gw/core';

export function readDeleteAt(req: Request, now: number = Date.now()): Date | undefined {
  const nowSeconds = now / 1000;
  const after = req.get('x-delete-after');
  if (after !== undefined) {
    const seconds = integerOf(after, 'X-Delete-After');
    const at = Math.trunc(nowSeconds + seconds);
    if (at <= nowSeconds) throw badRequest('X-Delete-After in past');
    return new Date(at * 1000);
  }
  const at = req.get('x-delete-at');
  if (at === undefined) return undefined;
  const seconds = integerOf(at, 'X-Delete-At');
  if (seconds <= nowSeconds) throw badRequest('X-Delete-At in past');
  // Postgres timestamps stop at year 294276; Swift normalises to ten digits (year 2286) anyway.
  if (seconds > 9_999_999_999) throw badRequest('Non-integer X-Delete-At');
  return new Date(seconds * 1000);
}

export function readDeleteAtChange(req: Request): Date | null | undefined {
  const asked = readDeleteAt(req);
  if (asked !== undefined) return asked;
  return req.get('x-remove-delete-at') !== undefined ? null : undefined;
}

export function writeDeleteAt(res: Response, object: Pick<ObjectRecord, 'deleteAt'>): void {
  if (object.deleteAt) res.setHeader('X-Delete-At', String(Math.floor(object.deleteAt.getTime() / 1000)));
}

function integerOf(value: string, header: string): number {
  if (!/^\s*[+-]?\d+\s*$/.test(value)) throw badRequest(`Non-integer ${header}`);
  return Number(value);
}

const badRequest = (message: string): GatewayError => new GatewayError('BadRequest', message);
