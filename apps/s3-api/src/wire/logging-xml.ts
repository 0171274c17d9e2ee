import { GatewayError, LoggingConfiguration } from '@gw/core';
import { expectOnly, optionalChild, parseConfigDocument, requiredText } from './config-xml';
import { children, renderXml } from './xml';

// S3's <BucketLoggingStatus> (PutBucketLogging, GetBucketLogging). An empty status turns logging off.

/** The namespace S3 writes logging documents in (not the one of its other documents). */
const LOGGING_NAMESPACE = 'http://doc.s3.amazonaws.com/2006-03-01';

/** The logging target, or undefined for `<BucketLoggingStatus/>` (logging off). */
export async function parseLoggingXml(body: Buffer): Promise<LoggingConfiguration | undefined> {
  const status = await parseConfigDocument(body, 'BucketLoggingStatus', ['LoggingEnabled']);
  const enabled = optionalChild(status, 'LoggingEnabled');
  if (enabled === undefined) return undefined;
  expectOnly(enabled, ['TargetBucket', 'TargetPrefix', 'TargetGrants', 'TargetObjectKeyFormat']);
  // Grants on log objects and partitioned keys are not served; saying so beats dropping them silently.
  const grants = optionalChild(enabled, 'TargetGrants');
  if (children(grants, 'Grant').length > 0) throw new GatewayError('NotImplemented', 'This gateway does not implement TargetGrants.');
  const keyFormat = optionalChild(enabled, 'TargetObjectKeyFormat');
  expectOnly(keyFormat, ['SimplePrefix'], { PartitionedPrefix: 'This gateway writes log object keys with SimplePrefix only.' });
  return { targetBucket: requiredText(enabled, 'TargetBucket'), targetPrefix: requiredText(enabled, 'TargetPrefix') };
}

export function renderLoggingXml(logging: LoggingConfiguration | undefined): string {
  const body = logging ? { LoggingEnabled: { TargetBucket: logging.targetBucket, TargetPrefix: logging.targetPrefix } } : {};
  return renderXml('BucketLoggingStatus', body, LOGGING_NAMESPACE);
}
