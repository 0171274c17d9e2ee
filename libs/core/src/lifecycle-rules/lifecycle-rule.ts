// The one lifecycle model of the gateway. S3's XML (PutBucketLifecycleConfiguration and the legacy
// PutBucketLifecycle), the /v1_ext XML lifecycle and KOS's JSON lifecycle rules all read and write
// a bucket's rules in this shape; the worker that applies them reads it too. Nothing here knows a
// wire format: each dialect translates to and from it.

/** A bucket's lifecycle configuration: its rules, in the order the client gave them. */
export interface LifecycleConfiguration {
  rules: LifecycleRule[];
}

export type LifecycleStatus = 'Enabled' | 'Disabled';

export interface LifecycleRule {
  /** Unique within the bucket, 1..255 characters; generated when the client gave none. */
  id: string;
  /** KOS names a rule besides identifying it; S3 and /v1_ext rules have only the id. */
  name?: string;
  status: LifecycleStatus;
  filter: LifecycleFilter;
  expiration?: LifecycleExpiration;
  noncurrentVersionExpiration?: NoncurrentVersionExpiration;
  abortIncompleteMultipartUpload?: AbortIncompleteMultipartUpload;
}

/**
 * Which objects a rule applies to: keys that start with `prefix` (any key when absent) and carry
 * every tag of `tags` (no tag condition when absent or empty).
 */
export interface LifecycleFilter {
  prefix?: string;
  tags?: Record<string, string>;
  /**
   * How the client wrote the filter, which S3 echoes back: `prefix` is the rule-level Prefix of
   * the legacy S3 API and of /v1_ext, `filter` a Filter with at most one predicate, `and` a
   * Filter whose predicates are joined by And.
   */
  form: 'prefix' | 'filter' | 'and';
}

/** Exactly one of the three. */
export interface LifecycleExpiration {
  /** Days after an object's creation, rounded up to the next midnight UTC (S3's rule). */
  days?: number;
  /** A midnight UTC, ISO 8601 with milliseconds (`2023-06-10T00:00:00.000Z`). */
  date?: string;
  /** Remove delete markers that no longer hide any version. */
  expiredObjectDeleteMarker?: boolean;
}

export interface NoncurrentVersionExpiration {
  /** Days after a version stopped being current. */
  noncurrentDays: number;
  /** How many of the newest noncurrent versions are kept regardless of age. */
  newerNoncurrentVersions?: number;
}

export interface AbortIncompleteMultipartUpload {
  daysAfterInitiation: number;
}

/** S3's limits on a configuration. */
export const MAX_LIFECYCLE_RULES = 1000;
export const MAX_LIFECYCLE_RULE_ID = 255;
export const MAX_NEWER_NONCURRENT_VERSIONS = 100;
