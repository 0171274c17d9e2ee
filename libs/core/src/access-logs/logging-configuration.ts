/**
 * Server access logging of a bucket (S3 PutBucketLogging): where its access log objects go. The
 * target bucket is named, and must be a bucket of the same account.
 */
export interface LoggingConfiguration {
  targetBucket: string;
  /** Start of every log object's key (`logs/` gives `logs/2026-11-22-10-00-00-0123456789ABCDEF`). */
  targetPrefix: string;
}

/** Log object keys are the target prefix and this many characters: `YYYY-mm-DD-HH-MM-SS-` and 16 hex digits. */
export const LOG_KEY_SUFFIX_LENGTH = 36;
