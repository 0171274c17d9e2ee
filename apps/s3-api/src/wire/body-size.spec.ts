import { declaredObjectSize, storedContentEncoding } from './body-size';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('declaredObjectSize', () => {
  it('is Content-Length for a plain body, x-amz-decoded-content-length for aws-chunked', () => {
    expect(declaredObjectSize({ 'content-length': '10' })).toBe(10);
    expect(declaredObjectSize({ 'content-length': '120', 'x-amz-decoded-content-length': '10', 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' })).toBe(10);
    expect(declaredObjectSize({})).toBeUndefined();
  });

  it('an aws-chunked body without its decoded length is MissingContentLength', () => {
    expect(codeOf(() => declaredObjectSize({ 'content-length': '120', 'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' }))).toBe('MissingContentLength');
  });

  it.each(['-1', '1.5', 'ten', '', '12345678901234567'])('%j is InvalidArgument', (value) => {
    expect(codeOf(() => declaredObjectSize({ 'x-amz-decoded-content-length': value }))).toBe('InvalidArgument');
  });
});

describe('storedContentEncoding', () => {
  it.each([
    [undefined, undefined],
    ['aws-chunked', undefined],
    ['AWS-Chunked', undefined],
    ['aws-chunked,gzip', 'gzip'],
    ['gzip, aws-chunked', 'gzip'],
    ['gzip,br', 'gzip, br'],
    ['identity', 'identity'],
  ])('%j is stored as %j', (sent, stored) => {
    expect(storedContentEncoding(sent)).toBe(stored);
  });
});
