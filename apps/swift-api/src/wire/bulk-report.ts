/**
 * The answer of Swift's bulk middleware and of `?dir-delete`: always 200, the outcome in the body
 * (Number Deleted, Number Not Found, Response Status, Response Body, Errors) as text/plain,
 * JSON or XML per the Accept header (libs/core/src/bulk renders it).
 *
 * API:
 * - `sendBulkReport(req, res, report)`: also after `BulkKeepAlive` started the response.
 * - `failedReport(error, numberDeleted)`: the report of a failure once the response started.
 * - `statusLine(error)`: how an entry's failure is named in Errors (`403 Forbidden`, `409 Conflict`).
 */
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { BulkDeleteReport, formatBulkDeleteReport, GatewayError, reportFormat } from '@gw/core';
import { sendBody } from './common-headers';
import { SWIFT_ERROR_STATUS } from './swift-error-codes';

export function sendBulkReport(req: Request, res: Response, report: BulkDeleteReport): void {
  const format = reportFormat(req.get('accept'));
  const body = formatBulkDeleteReport(report, format);
  // Kept alive (bulk-keep-alive.ts): the 200 and whitespace went out already; the report ends the body.
  if (res.headersSent) res.end(`\r\n\r\n${body}`);
  else sendBody(res, 200, `${format}; charset=utf-8`, body);
}

/** The report of a bulk operation that failed after its 200 went out: the failure as its Response Status. */
export function failedReport(error: GatewayError, numberDeleted: number): BulkDeleteReport {
  return { numberDeleted, numberNotFound: 0, responseStatus: statusLine(error), responseBody: error.message, errors: [] };
}

export function statusLine(error: GatewayError): string {
  const status = SWIFT_ERROR_STATUS[error.code];
  return `${status} ${STATUS_CODES[status] ?? 'Error'}`;
}
