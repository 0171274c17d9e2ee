/**
 * Swift bulk delete (`POST /v1/{account}?bulk-delete`), as swift/common/middleware/bulk.py
 * reads the request and reports the outcome. Pure: the app deletes, this parses and sums up.
 *
 * API:
 * - `parseBulkDeleteBody(body, limits?)` -> `BulkDeleteTarget[]`: one URL-encoded
 *   `container/object` (or `/container/object`, or a bare `container`) per line, blank lines
 *   skipped. Over `maxDeletes` (10,000) lines -> RequestEntityTooLarge-style error
 *   (`EntityTooLarge`, "Maximum Bulk Deletes: 10000 per request"); a line over twice
 *   `maxPathLength` -> `InvalidArgument` "Invalid File Name".
 * - `summarizeBulkDelete(outcomes)` -> `BulkDeleteReport`: Number Deleted, Number Not Found,
 *   Response Status (`200 OK`; `400 Bad Request` when anything failed or nothing was found at
 *   all, the latter with body "Invalid bulk delete."), Response Body, Errors.
 * - `formatBulkDeleteReport(report, format)`: the body in Swift's text/plain, JSON or XML form.
 */
import { GatewayError } from '../errors';
import { formatSwiftReport, ReportError, ReportFormat, swiftQuote } from './swift-report';

export const MAX_BULK_DELETES = 10_000;
/** Swift's max_path_length default for bulk operations (MAX_PATH_LENGTH, container + object names). */
export const MAX_BULK_PATH_LENGTH = 1024 + 256 + 2;

export interface BulkDeleteTarget {
  /** The line as decoded, leading slash removed: what Errors names. */
  name: string;
  container: string;
  /** Absent when the line names a container alone (it is deleted when empty). */
  object?: string;
}

export type BulkDeleteOutcome =
  | { name: string; result: 'deleted' }
  | { name: string; result: 'notFound' }
  /** A failure, with Swift's status line (`409 Conflict`, `401 Unauthorized`, `403 Forbidden`, `412 Precondition Failed`). */
  | { name: string; result: 'failed'; status: string };

export interface BulkDeleteReport {
  numberDeleted: number;
  numberNotFound: number;
  responseStatus: string;
  responseBody: string;
  errors: ReportError[];
}

export function parseBulkDeleteBody(
  body: string,
  { maxDeletes = MAX_BULK_DELETES, maxPathLength = MAX_BULK_PATH_LENGTH }: { maxDeletes?: number; maxPathLength?: number } = {},
): BulkDeleteTarget[] {
  const targets: BulkDeleteTarget[] = [];
  for (const raw of body.split('\n')) {
    if (raw.length > maxPathLength * 2) throw new GatewayError('InvalidArgument', 'Invalid File Name');
    const line = raw.trim();
    if (!line) continue;
    targets.push(targetOf(decode(line)));
    if (targets.length > maxDeletes) throw new GatewayError('EntityTooLarge', `Maximum Bulk Deletes: ${maxDeletes} per request`);
  }
  return targets;
}

function decode(line: string): string {
  try {
    return decodeURIComponent(line);
  } catch {
    return line; // Swift's unquote leaves malformed escapes as they are
  }
}

function targetOf(decoded: string): BulkDeleteTarget {
  const name = decoded.replace(/^\/+/, '');
  const slash = name.indexOf('/');
  if (slash < 0) return { name, container: name };
  const object = name.slice(slash + 1);
  return { name, container: name.slice(0, slash), ...(object ? { object } : {}) };
}

export function summarizeBulkDelete(outcomes: readonly BulkDeleteOutcome[]): BulkDeleteReport {
  const report: BulkDeleteReport = { numberDeleted: 0, numberNotFound: 0, responseStatus: '200 OK', responseBody: '', errors: [] };
  for (const outcome of outcomes) {
    if (outcome.result === 'deleted') report.numberDeleted++;
    else if (outcome.result === 'notFound') report.numberNotFound++;
    else report.errors.push([swiftQuote(outcome.name), outcome.status]);
  }
  if (report.errors.length > 0) report.responseStatus = '400 Bad Request';
  else if (report.numberDeleted === 0 && report.numberNotFound === 0) {
    report.responseStatus = '400 Bad Request';
    report.responseBody = 'Invalid bulk delete.';
  }
  return report;
}

export function formatBulkDeleteReport(report: BulkDeleteReport, format: ReportFormat): string {
  return formatSwiftReport(
    format,
    [
      ['Response Status', report.responseStatus],
      ['Response Body', report.responseBody],
      ['Number Deleted', report.numberDeleted],
      ['Number Not Found', report.numberNotFound],
    ],
    report.errors,
    'delete',
  );
}
