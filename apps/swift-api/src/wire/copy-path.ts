/**
 * The copy headers of Swift's copy middleware (swift/common/middleware/copy.py), checked as it
 * checks them.
 *
 * API:
 * - `readCopyPath(req, header)`: `Destination` or `X-Copy-From` as `{ container, object }`: URL-
 *   decoded, a leading `/` optional, the object name keeping its slashes. Anything else is 412
 *   "<header> header must be of the form <container name>/<object name>".
 * - `readCopyAccount(req, header)`: `Destination-Account` / `X-Copy-From-Account` (the `AUTH_`
 *   prefix removed), undefined when absent; empty or with a slash is 412 as Swift says.
 * - `swiftText(code, message)` (from render-error): a GatewayError Swift answers with its message as the body.
 */
import type { Request } from 'express';
import { swiftText } from './render-error';

export interface CopyPath {
  container: string;
  object: string;
}

export function readCopyPath(req: Request, header: 'Destination' | 'X-Copy-From'): CopyPath {
  const invalid = swiftText('PreconditionFailed', `${header} header must be of the form <container name>/<object name>`);
  const path = unquote(req.get(header) ?? '');
  const match = /^\/?([^/]+)\/(.+)$/s.exec(path);
  if (!match) throw invalid;
  return { container: match[1], object: match[2] };
}

export function readCopyAccount(req: Request, header: 'Destination-Account' | 'X-Copy-From-Account'): string | undefined {
  const raw = req.get(header);
  if (raw === undefined) return undefined;
  const account = unquote(raw);
  if (account === '') throw swiftText('PreconditionFailed', 'Account name cannot be empty');
  if (account.includes('/')) throw swiftText('PreconditionFailed', 'Account name cannot contain slashes');
  return account.startsWith('AUTH_') ? account.slice('AUTH_'.length) : account;
}

/** Python's unquote: a malformed escape stays as it is. */
function unquote(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export { swiftText };
