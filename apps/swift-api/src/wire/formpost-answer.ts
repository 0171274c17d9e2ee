/**
 * The answers of Swift FormPost (formpost.py), which are not Swift error pages:
 * - `FormPostFailure(status, message)`: a form Swift refuses outright (400 bad limits, malformed
 *   form, a file over max_file_size; 401 `Invalid Signature` / `Form Expired`), answered by
 *   `sendFormPostFailure` as plain text `FormPost: <message>`, never redirected.
 * - `sendFormPostOutcome(res, outcome, redirect?)`: the status of the last file processed (201,
 *   or what stopped the form): `303` to `redirect?status=N&message=...` when the form has a
 *   redirect, else the status with body `"<status line>"` plus `\r\nFormPost: <Message>`.
 */
import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import { sendBody } from './common-headers';

export class FormPostFailure extends Error {
  constructor(
    readonly status: 400 | 401,
    message: string,
  ) {
    super(message);
  }
}

export interface FormPostOutcome {
  status: number;
  /** Swift's lower-case message ('' on success), title-cased in a body. */
  message: string;
}

export function sendFormPostFailure(res: Response, failure: FormPostFailure): void {
  sendBody(res, failure.status, 'text/plain', `FormPost: ${failure.message}`);
}

/** Python's str.title(): each run of letters starts upper case, the rest lower case. */
const pyTitle = (text: string): string => text.toLowerCase().replace(/(^|[^a-z])([a-z])/g, (_m, before: string, letter: string) => before + letter.toUpperCase());

export function sendFormPostOutcome(res: Response, { status, message }: FormPostOutcome, redirect: string | undefined): void {
  if (!redirect) {
    const line = `${status} ${STATUS_CODES[status] ?? ''}`.trim();
    sendBody(res, status, 'text/plain', message ? `${line}\r\nFormPost: ${pyTitle(message)}` : line);
    return;
  }
  const location = headerSafe(`${redirect}${redirect.includes('?') ? '&' : '?'}status=${status}&message=${encodeURIComponent(message)}`);
  res.setHeader('Location', location);
  sendBody(res, 303, 'text/html; charset=UTF-8', `<html><body><p><a href="${escapeHtml(location)}">Click to continue...</a></p></body></html>`);
}

/** The form's redirect as a Location can carry it: bytes outside visible ASCII percent-encoded (no header splitting, no 500). */
const headerSafe = (url: string): string =>
  url.replace(/[^\x21-\x7e]/gu, (c) => [...Buffer.from(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' })[c]!);
