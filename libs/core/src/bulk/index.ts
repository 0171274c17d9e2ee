export { formatSwiftReport, reportFormat, swiftQuote } from './swift-report';
export type { ReportError, ReportFormat } from './swift-report';
export { formatBulkDeleteReport, MAX_BULK_DELETES, MAX_BULK_PATH_LENGTH, parseBulkDeleteBody, summarizeBulkDelete } from './bulk-delete';
export type { BulkDeleteOutcome, BulkDeleteReport, BulkDeleteTarget } from './bulk-delete';
