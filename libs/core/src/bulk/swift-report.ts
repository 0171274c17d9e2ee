/**
 * The report body Swift's bulk middleware writes for bulk delete (and that its slo middleware
 * reuses for a refused manifest): `get_response_body` in swift/common/middleware/bulk.py.
 *
 * API:
 * - `formatSwiftReport(format, fields, errors, rootTag)`: the body as text/plain
 *   (`Key: value` lines sorted by key, then `Errors:` and one `name, status` line each),
 *   application/json (the fields in the order given, then `"Errors": [[name, status], ...]`,
 *   spaced as Python's json.dumps spaces it), or application/xml / text/xml (no declaration).
 * - `reportFormat(accept)`: the format Swift picks from an Accept value (text/plain by default).
 * - `swiftQuote(name)`: Python's `urllib.parse.quote(name)` (safe `/`), how names appear in errors.
 */

export type ReportFormat = 'text/plain' | 'application/json' | 'application/xml' | 'text/xml';
export type ReportError = [name: string, status: string];

const FORMATS: readonly ReportFormat[] = ['text/plain', 'application/json', 'application/xml', 'text/xml'];

/** The first acceptable type the Accept value names (ignoring q-values, as most clients send one type). */
export function reportFormat(accept: string | undefined): ReportFormat {
  for (const item of (accept ?? '').split(',')) {
    const type = item.split(';')[0].trim().toLowerCase();
    if ((FORMATS as readonly string[]).includes(type)) return type as ReportFormat;
  }
  return 'text/plain';
}

export function swiftQuote(name: string): string {
  return encodeURIComponent(name)
    .replace(/%2F/g, '/')
    .replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

export function formatSwiftReport(
  format: ReportFormat,
  fields: ReadonlyArray<[string, string | number]>,
  errors: readonly ReportError[],
  rootTag: string,
): string {
  if (format === 'application/json') {
    const entries = [...fields.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`), `"Errors": ${pyJsonErrors(errors)}`];
    return `{${entries.join(', ')}}`;
  }
  const sorted = [...fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (format.endsWith('/xml')) {
    const out = [`<${rootTag}>\n`];
    for (const [k, v] of sorted) {
      const tag = k.replace(/ /g, '_').toLowerCase();
      out.push(`<${tag}>${xmlEscape(String(v))}</${tag}>\n`);
    }
    out.push('<errors>\n');
    for (const [name, status] of errors) out.push(`<object><name>${xmlEscape(name)}</name><status>${status}</status></object>\n`);
    out.push(`</errors>\n</${rootTag}>\n`);
    return out.join('');
  }
  return [...sorted.map(([k, v]) => `${k}: ${v}\n`), 'Errors:\n', ...errors.map(([n, s]) => `${n}, ${s}\n`)].join('');
}

function pyJsonErrors(errors: readonly ReportError[]): string {
  return `[${errors.map(([n, s]) => `[${JSON.stringify(n)}, ${JSON.stringify(s)}]`).join(', ')}]`;
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
