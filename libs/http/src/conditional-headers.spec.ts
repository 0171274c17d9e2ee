import { parseConditionHeaders, parseReadConditions } from './conditional-headers';

describe('parseReadConditions', () => {
  const now = new Date('2024-05-01T12:00:00.500Z');

  it('reads the four headers: ETag lists unquoted, dates as Dates', () => {
    expect(
      parseReadConditions(
        {
          'if-match': '"a", W/"b"',
          'if-none-match': '*',
          'if-modified-since': 'Wed, 01 May 2024 11:00:00 GMT',
          'if-unmodified-since': 'Wed, 01 May 2024 13:00:00 GMT',
        },
        now,
      ),
    ).toEqual({
      ifMatch: ['a', 'b'],
      ifNoneMatch: ['*'],
      ifModifiedSince: new Date('2024-05-01T11:00:00Z'),
      ifUnmodifiedSince: new Date('2024-05-01T13:00:00Z'),
    });
  });

  it('ignores an If-Modified-Since later than the server clock (RFC 7232 §3.3), and an unparsable one', () => {
    expect(parseReadConditions({ 'if-modified-since': 'Wed, 01 May 2024 12:00:01 GMT' }, now).ifModifiedSince).toBeUndefined();
    expect(parseReadConditions({ 'if-modified-since': 'Wed, 01 May 2024 12:00:00 GMT' }, now).ifModifiedSince).toEqual(new Date('2024-05-01T12:00:00Z'));
    expect(parseReadConditions({ 'if-modified-since': 'yesterday' }, now).ifModifiedSince).toBeUndefined();
    // If-Unmodified-Since in the future is valid: it simply holds.
    expect(parseReadConditions({ 'if-unmodified-since': 'Thu, 01 Jan 2099 00:00:00 GMT' }, now).ifUnmodifiedSince).toEqual(new Date('2099-01-01T00:00:00Z'));
  });
});

describe('parseConditionHeaders', () => {
  it('keeps a future If-Modified-Since: conditions that are not HTTP preconditions (copy sources) decide on it', () => {
    expect(parseConditionHeaders({ 'if-modified-since': 'Thu, 01 Jan 2099 00:00:00 GMT' }).ifModifiedSince).toEqual(new Date('2099-01-01T00:00:00Z'));
  });
});
