import type { BucketRecord } from '@gw/metadata';
import type { LoggingConfiguration } from '../access-logs/logging-configuration';
import type { CorsConfiguration } from '../cors/cors-rule';
import type { LifecycleConfiguration } from '../lifecycle-rules/lifecycle-rule';

// A bucket record carries its configuration documents as the core stored them, after
// validation (see BucketConfigService): reading one is a type, not a parse.

/** The bucket's lifecycle rules; undefined when none are set. */
export const lifecycleOf = (bucket: Pick<BucketRecord, 'lifecycle'>): LifecycleConfiguration | undefined =>
  bucket.lifecycle as LifecycleConfiguration | undefined;

/** The bucket's CORS rules; undefined when none are set. */
export const corsOf = (bucket: Pick<BucketRecord, 'cors'>): CorsConfiguration | undefined => bucket.cors as CorsConfiguration | undefined;

/** Where the bucket's access logs go; undefined when it is not logged. */
export const loggingOf = (bucket: Pick<BucketRecord, 'logging'>): LoggingConfiguration | undefined =>
  bucket.logging as LoggingConfiguration | undefined;
