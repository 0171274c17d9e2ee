import { formatBulkDeleteReport, parseBulkDeleteBody, reportFormat, summarizeBulkDelete, swiftQuote } from './index';
import type { BulkDeleteOutcome } from './index';

describe('parseBulkDeleteBody', () => {
  it.each([
    ['c/o', [{ name: 'c/o', container: 'c', object: 'o' }]],
    ['/c/o\n', [{ name: 'c/o', container: 'c', object: 'o' }]],
    ['c/dir/a%20b.txt\r\n\n  \nc2', [{ name: 'c/dir/a b.txt', container: 'c', object: 'dir/a b.txt' }, { name: 'c2', container: 'c2' }]],
    ['c/%E2%9C%93+x', [{ name: 'c/✓+x', container: 'c', object: '✓+x' }]],
    ['c/', [{ name: 'c/', container: 'c' }]],
    ['', []],
  ])('%j', (body, expected) => expect(parseBulkDeleteBody(body)).toEqual(expected));

  it('refuses more than the maximum number of deletes as Swift words it', () => {
    const body = Array.from({ length: 10_001 }, (_, i) => `c/o${i}`).join('\n');
    expect(() => parseBulkDeleteBody(body)).toThrow(expect.objectContaining({ code: 'EntityTooLarge', message: 'Maximum Bulk Deletes: 10000 per request' }));
    expect(parseBulkDeleteBody(body.split('\n').slice(0, 10_000).join('\n'))).toHaveLength(10_000);
  });

  it('refuses a line too long to be a name', () => {
    expect(() => parseBulkDeleteBody('c/' + 'x'.repeat(3000))).toThrow(expect.objectContaining({ code: 'InvalidArgument', message: 'Invalid File Name' }));
  });
});

describe('summarizeBulkDelete + formatBulkDeleteReport', () => {
  const mixed: BulkDeleteOutcome[] = [
    { name: 'c/a', result: 'deleted' },
    { name: 'c/b', result: 'notFound' },
    { name: 'full container', result: 'failed', status: '409 Conflict' },
  ];
  it.each([
    [
      'all deleted, text',
      [{ name: 'c/a', result: 'deleted' }] as BulkDeleteOutcome[],
      'text/plain' as const,
      'Number Deleted: 1\nNumber Not Found: 0\nResponse Body: \nResponse Status: 200 OK\nErrors:\n',
    ],
    [
      'mixed, text',
      mixed,
      'text/plain' as const,
      'Number Deleted: 1\nNumber Not Found: 1\nResponse Body: \nResponse Status: 400 Bad Request\nErrors:\nfull%20container, 409 Conflict\n',
    ],
    [
      'mixed, json',
      mixed,
      'application/json' as const,
      '{"Response Status": "400 Bad Request", "Response Body": "", "Number Deleted": 1, "Number Not Found": 1, "Errors": [["full%20container", "409 Conflict"]]}',
    ],
    [
      'nothing at all, json',
      [] as BulkDeleteOutcome[],
      'application/json' as const,
      '{"Response Status": "400 Bad Request", "Response Body": "Invalid bulk delete.", "Number Deleted": 0, "Number Not Found": 0, "Errors": []}',
    ],
    [
      'mixed, xml',
      mixed,
      'application/xml' as const,
      '<delete>\n<number_deleted>1</number_deleted>\n<number_not_found>1</number_not_found>\n<response_body></response_body>\n<response_status>400 Bad Request</response_status>\n<errors>\n<object><name>full%20container</name><status>409 Conflict</status></object>\n</errors>\n</delete>\n',
    ],
  ])('%s', (_name, outcomes, format, body) => {
    expect(formatBulkDeleteReport(summarizeBulkDelete(outcomes), format)).toBe(body);
  });
});

describe('reportFormat and swiftQuote', () => {
  it.each([
    [undefined, 'text/plain'],
    ['application/json', 'application/json'],
    ['text/html, application/json;q=0.9', 'application/json'],
    ['*/*', 'text/plain'],
    ['text/xml', 'text/xml'],
  ])('Accept %s -> %s', (accept, format) => expect(reportFormat(accept)).toBe(format));
  it.each([
    ['c/a b', 'c/a%20b'],
    ["c/it's(1)*!", 'c/it%27s%281%29%2A%21'],
    ['c/_.-~', 'c/_.-~'],
    ['c/✓', 'c/%E2%9C%93'],
  ])('%s -> %s', (name, quoted) => expect(swiftQuote(name)).toBe(quoted));
});
