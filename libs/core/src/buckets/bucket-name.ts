import { GatewayError } from '../errors';

// S3 bucket naming rules (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html),
// which the spec restates as 3..63 characters of [a-z0-9.-].
const SHAPE = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_ADDRESS = /^\d{1,3}(\.\d{1,3}){3}$/;
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];
// Paths the all-in-one gateway serves itself or routes to another dialect: a bucket by one of
// these names could not be reached with path-style S3 addressing.
const RESERVED_NAMES = new Set(['healthz', 'readyz', 'metrics', 'info', 'auth', 'admin', 'kos']);

export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return 'Bucket names must be between 3 and 63 characters long.';
  if (!SHAPE.test(name)) {
    return 'Bucket names may contain only lowercase letters, digits, dots and hyphens, and must begin and end with a letter or digit.';
  }
  if (name.includes('..')) return 'Bucket names must not contain two adjacent periods.';
  if (name.includes('.-') || name.includes('-.')) return 'Bucket names must not contain a period next to a hyphen.';
  if (IP_ADDRESS.test(name)) return 'Bucket names must not be formatted as an IP address.';
  if (RESERVED_PREFIXES.some((p) => name.startsWith(p))) return 'Bucket names must not start with a reserved prefix.';
  if (RESERVED_SUFFIXES.some((s) => name.endsWith(s))) return 'Bucket names must not end with a reserved suffix.';
  if (RESERVED_NAMES.has(name)) return `"${name}" is reserved by the gateway.`;
  return undefined;
}

export function assertValidBucketName(name: string): void {
  const problem = bucketNameProblem(name);
  if (problem) throw new GatewayError('InvalidBucketName', problem, { BucketName: name });
}
