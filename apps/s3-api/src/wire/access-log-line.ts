// One line of the S3 server access log format (S3 user guide, "Amazon S3 server access log
// format"): space-separated fields, `-` for an unknown or empty one, the time in brackets, and
// the request line, referer and user agent in double quotes.

export interface AccessLogEntry {
  bucketOwner?: string;
  bucket: string;
  time: Date;
  remoteIp?: string;
  /** The requester's canonical user id; none for anonymous requests. */
  requester?: string;
  requestId: string;
  /** `REST.GET.OBJECT`, `REST.PUT.LIFECYCLE`, ... (see `logOperation`). */
  operation: string;
  key?: string;
  /** `GET /bucket/key?query HTTP/1.1` */
  requestUri: string;
  status: number;
  errorCode?: string;
  bytesSent: number;
  objectSize?: number;
  totalTimeMs: number;
  turnAroundTimeMs?: number;
  referer?: string;
  userAgent?: string;
  versionId?: string;
  hostId?: string;
  signatureVersion?: 'SigV2' | 'SigV4';
  authType?: 'AuthHeader' | 'QueryString';
  hostHeader?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** `[06/Feb/2019:00:00:38 +0000]` */
export function logTime(time: Date): string {
  return `[${two(time.getUTCDate())}/${MONTHS[time.getUTCMonth()]}/${time.getUTCFullYear()}:${two(time.getUTCHours())}:${two(time.getUTCMinutes())}:${two(time.getUTCSeconds())} +0000]`;
}

// Client-chosen text must not break the line apart: spaces in bare fields, quotes and control
// characters anywhere are written as %XX (the request line is URL-encoded already).
const escapeBare = (text: string): string => text.replace(/[\u0000-\u0020"\u007F]/g, percent);
const escapeQuoted = (text: string): string => text.replace(/[\u0000-\u001F"\u007F]/g, percent);
const percent = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

const bare = (value: string | number | undefined): string => (value === undefined || value === '' ? '-' : escapeBare(String(value)));
const quoted = (value: string | undefined): string => `"${value === undefined || value === '' ? '-' : escapeQuoted(value)}"`;
/** A key as S3 logs it: URL-encoded, slashes kept. */
const encodedKey = (key: string | undefined): string => (key === undefined ? '-' : key.split('/').map(encodeURIComponent).join('/'));

export function formatAccessLogLine(e: AccessLogEntry): string {
  return [
    bare(e.bucketOwner),
    bare(e.bucket),
    logTime(e.time),
    bare(e.remoteIp),
    bare(e.requester),
    bare(e.requestId),
    bare(e.operation),
    encodedKey(e.key),
    quoted(e.requestUri),
    String(e.status),
    bare(e.errorCode),
    e.bytesSent > 0 ? String(e.bytesSent) : '-',
    bare(e.objectSize),
    String(Math.round(e.totalTimeMs)),
    e.turnAroundTimeMs === undefined ? '-' : String(Math.round(e.turnAroundTimeMs)),
    quoted(e.referer),
    quoted(e.userAgent),
    bare(e.versionId),
    bare(e.hostId),
    bare(e.signatureVersion),
    '-', // cipher suite: the gateway speaks plain HTTP behind its proxy
    bare(e.authType),
    bare(e.hostHeader),
    '-', // TLS version
    '-', // access point ARN
    '-', // ACL required
  ].join(' ');
}

/** Sub-resources by the name S3 logs their operations with. */
const LOGGED_SUBRESOURCES: Record<string, string> = {
  acl: 'ACL',
  cors: 'CORS',
  delete: 'MULTI_OBJECT_DELETE',
  encryption: 'ENCRYPTION',
  lifecycle: 'LIFECYCLE',
  location: 'LOCATION',
  logging: 'LOGGING_STATUS',
  policy: 'BUCKETPOLICY',
  uploads: 'UPLOADS',
  versioning: 'VERSIONING',
  versions: 'BUCKETVERSIONS',
  website: 'WEBSITE',
};

/** S3's name for the operation of a request: `REST.{method}.{resource}`. */
export function logOperation(method: string, target: 'service' | 'bucket' | 'object', query: URLSearchParams, copySource: boolean): string {
  if (method === 'OPTIONS') return 'REST.OPTIONS.PREFLIGHT';
  if (target === 'service') return `REST.${method}.SERVICE`;
  if (query.has('uploadId')) {
    if (method !== 'PUT') return `REST.${method}.UPLOAD`;
    return copySource ? 'REST.COPY.PART' : 'REST.PUT.PART';
  }
  if (query.has('tagging')) return `REST.${method}.${target === 'object' ? 'OBJECT_TAGGING' : 'TAGGING'}`;
  const subresource = Object.keys(LOGGED_SUBRESOURCES).find((name) => query.has(name));
  if (subresource) return `REST.${method}.${LOGGED_SUBRESOURCES[subresource]}`;
  if (target === 'object' && method === 'PUT' && copySource) return 'REST.COPY.OBJECT';
  return `REST.${method}.${target === 'object' ? 'OBJECT' : 'BUCKET'}`;
}
