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

/**
 * Which rules a new bucket's name is held to. `s3`: the S3 rules above (S3, /v1_ext, KOS).
 * `swift`: the relaxed rules Ceph RGW applies to containers (`rgw_relaxed_s3_bucket_names`):
 * 1..256 characters (Swift's limit) of letters, digits, `.`, `_` and `-` — so that `swift upload -S` can create
 * its default `{container}_segments`. Such buckets are reachable by path-style S3 requests, not by
 * virtual-host-style ones (as AWS's legacy bucket names).
 */
export type BucketNameRules = 's3' | 'swift';

const RELAXED_SHAPE = /^[A-Za-z0-9._-]{1,256}$/;

export function bucketNameProblem(name: string, rules: BucketNameRules = 's3'): string | undefined {
  if (rules === 'swift') return relaxedNameProblem(name);
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

function relaxedNameProblem(name: string): string | undefined {
  if (!RELAXED_SHAPE.test(name)) return 'Container names may contain only letters, digits, dots, underscores and hyphens (1 to 256 characters).';
  if (name === '.' || name === '..') return `"${name}" is not a container name.`;
  if (RESERVED_NAMES.has(name)) return `"${name}" is reserved by the gateway.`;
  return undefined;
}

export function assertValidBucketName(name: string, rules: BucketNameRules = 's3'): void {
  const problem = bucketNameProblem(name, rules);
  if (problem) throw new GatewayError('InvalidBucketName', problem, { BucketName: name });
}
