import { AccessLogEntry, formatAccessLogLine, logOperation, logTime } from './access-log-line';

const entry = (overrides: Partial<AccessLogEntry> = {}): AccessLogEntry => ({
  bucketOwner: 'f'.repeat(32),
  bucket: 'photos',
  time: new Date('2019-02-06T00:00:38.123Z'),
  remoteIp: '192.0.2.3',
  requester: 'a'.repeat(32),
  requestId: '3E57427F3EXAMPLE',
  operation: 'REST.GET.VERSIONING',
  requestUri: 'GET /photos?versioning HTTP/1.1',
  status: 200,
  bytesSent: 113,
  totalTimeMs: 7.4,
  turnAroundTimeMs: 2.6,
  userAgent: 'S3Console/0.4',
  hostId: 's9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234=',
  signatureVersion: 'SigV4',
  authType: 'AuthHeader',
  hostHeader: 'photos.s3.example.com',
  ...overrides,
});

describe('S3 server access log lines', () => {
  it('writes the fields in S3 order, with - for what is unknown', () => {
    expect(formatAccessLogLine(entry())).toBe(
      `${'f'.repeat(32)} photos [06/Feb/2019:00:00:38 +0000] 192.0.2.3 ${'a'.repeat(32)} 3E57427F3EXAMPLE REST.GET.VERSIONING - ` +
        '"GET /photos?versioning HTTP/1.1" 200 - 113 - 7 3 "-" "S3Console/0.4" - ' +
        's9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 - AuthHeader photos.s3.example.com - - -',
    );
  });

  it('logs an anonymous failed object read', () => {
    const line = formatAccessLogLine(
      entry({ requester: undefined, operation: 'REST.GET.OBJECT', key: 'dir/a b+c.txt', status: 404, errorCode: 'NoSuchKey', bytesSent: 0, objectSize: undefined, turnAroundTimeMs: undefined, signatureVersion: undefined, authType: undefined }),
    );
    // The time holds one space and the request line two: 26 fields are 29 words here.
    const words = line.split(' ');
    expect(words).toHaveLength(29);
    expect(words[5]).toBe('-');
    expect(words[8]).toBe('dir/a%20b%2Bc.txt');
    expect(line).toContain(' 404 NoSuchKey - - 7 - ');
  });

  it('cannot be split or broken by what the client sent', () => {
    const line = formatAccessLogLine(entry({ userAgent: 'evil"\n agent', referer: 'http://x/"y"', hostHeader: 'a b', requestUri: 'GET /photos/%22 HTTP/1.1' }));
    expect(line).not.toContain('\n');
    expect(line).toContain('"evil%22%0A agent"');
    expect(line).toContain('"http://x/%22y%22"');
    expect(line).toContain(' a%20b ');
    expect(line).toContain('"GET /photos/%22 HTTP/1.1"');
  });

  it('stamps times in the log format, always UTC', () => {
    expect(logTime(new Date('2026-11-02T23:05:09Z'))).toBe('[02/Nov/2026:23:05:09 +0000]');
  });

  it.each<[string, 'service' | 'bucket' | 'object', string, boolean, string]>([
    ['GET', 'object', '', false, 'REST.GET.OBJECT'],
    ['HEAD', 'object', 'versionId=v', false, 'REST.HEAD.OBJECT'],
    ['PUT', 'object', '', false, 'REST.PUT.OBJECT'],
    ['PUT', 'object', '', true, 'REST.COPY.OBJECT'],
    ['DELETE', 'object', '', false, 'REST.DELETE.OBJECT'],
    ['GET', 'bucket', 'list-type=2', false, 'REST.GET.BUCKET'],
    ['GET', 'service', '', false, 'REST.GET.SERVICE'],
    ['POST', 'bucket', 'delete', false, 'REST.POST.MULTI_OBJECT_DELETE'],
    ['POST', 'object', 'uploads', false, 'REST.POST.UPLOADS'],
    ['PUT', 'object', 'partNumber=1&uploadId=u', false, 'REST.PUT.PART'],
    ['PUT', 'object', 'partNumber=1&uploadId=u', true, 'REST.COPY.PART'],
    ['POST', 'object', 'uploadId=u', false, 'REST.POST.UPLOAD'],
    ['GET', 'bucket', 'acl', false, 'REST.GET.ACL'],
    ['PUT', 'bucket', 'lifecycle', false, 'REST.PUT.LIFECYCLE'],
    ['GET', 'bucket', 'logging', false, 'REST.GET.LOGGING_STATUS'],
    ['DELETE', 'bucket', 'cors', false, 'REST.DELETE.CORS'],
    ['GET', 'object', 'tagging', false, 'REST.GET.OBJECT_TAGGING'],
    ['GET', 'bucket', 'versions', false, 'REST.GET.BUCKETVERSIONS'],
    ['OPTIONS', 'object', '', false, 'REST.OPTIONS.PREFLIGHT'],
  ])('%s %s ?%s (copy: %s) is %s', (method, target, query, copy, operation) => {
    expect(logOperation(method, target, new URLSearchParams(query), copy)).toBe(operation);
  });
});
