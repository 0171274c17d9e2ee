import type { GatewayError } from '@gw/core';
import { parseCopySource, parseCopySourceRange, readCopyConditions } from './copy-source';

const codeOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as GatewayError).code;
  }
  throw new Error('expected a refusal');
};

describe('copy source headers', () => {
  it.each([
    ['/bucket/key', { bucketName: 'bucket', key: 'key' }],
    ['bucket/dir/a%20b.txt', { bucketName: 'bucket', key: 'dir/a b.txt' }],
    ['/bucket/what%3F?versionId=v%2B1', { bucketName: 'bucket', key: 'what?', versionId: 'v+1' }],
    ['/bucket/%ED%95%9C', { bucketName: 'bucket', key: '\ud55c' }],
  ])('%s names %j', (header, expected) => {
    expect(parseCopySource(header)).toEqual(expected);
  });

  it.each(['bucket', '/bucket/', '/', '', '/b/%E0%A4%A'])('%j is InvalidArgument', (header) => {
    expect(codeOf(() => parseCopySource(header))).toBe('InvalidArgument');
  });

  it('reads byte ranges first-last only', () => {
    expect(parseCopySourceRange(undefined)).toBeUndefined();
    expect(parseCopySourceRange('bytes=0-9')).toEqual({ first: 0, last: 9 });
    for (const bad of ['bytes=5-4', 'bytes=0-', 'bytes=-5', 'items=0-1', 'bytes=0-1,3-4']) {
      expect(codeOf(() => parseCopySourceRange(bad))).toBe('InvalidArgument');
    }
  });

  it('reads the copy conditions under their own names, not the plain ones', () => {
    const conditions = readCopyConditions({
      'if-match': '"plain"',
      'x-amz-copy-source-if-match': '"abc"',
      'x-amz-copy-source-if-unmodified-since': 'Mon, 01 Jan 2001 00:00:00 GMT',
    });
    expect(conditions).toEqual({ ifMatch: ['abc'], ifNoneMatch: undefined, ifModifiedSince: undefined, ifUnmodifiedSince: new Date('2001-01-01T00:00:00Z') });
  });
});
