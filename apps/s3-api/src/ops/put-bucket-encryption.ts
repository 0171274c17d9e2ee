// PutBucketEncryption (S3 API reference; KakaoCloud S3 document "PutBucketEncryption"): AES256 only, on an empty bucket only.
import { GatewayError } from '@gw/core';
import type { S3Operation } from '../routing/s3-operation';
import { bucketOf } from '../routing/s3-operation';
import { readCheckedSmallBody } from '../wire/body-integrity';
import { childText, children, parseXml } from '../wire/xml';

export const putBucketEncryption: S3Operation = {
  name: 'PutBucketEncryption',
  action: 'storage.buckets.update',
  needsBucket: true,
  async run(call) {
    const algorithm = defaultAlgorithmOf(await parseXml(await readCheckedSmallBody(call)));
    await call.services.storage.buckets.setEncryption(bucketOf(call), algorithm);
    call.res.status(200).setHeader('Content-Length', '0');
    call.res.end();
  },
};

/**
 * `<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>`:
 * one rule, whose algorithm must be AES256 (SSE-S3). Another algorithm (aws:kms, aws:kms:dsse)
 * is InvalidEncryptionAlgorithmError, S3's error for an encryption it does not offer; a KMS key
 * with AES256 is InvalidArgument, as in S3. BucketKeyEnabled (a KMS cost option) is ignored.
 */
function defaultAlgorithmOf(document: Record<string, unknown>): 'AES256' {
  const rules = children(document.ServerSideEncryptionConfiguration, 'Rule');
  if (!('ServerSideEncryptionConfiguration' in document) || rules.length !== 1) throw new GatewayError('MalformedXML');
  const defaults = children(rules[0], 'ApplyServerSideEncryptionByDefault');
  if (defaults.length !== 1) throw new GatewayError('MalformedXML');
  const algorithm = childText(defaults[0], 'SSEAlgorithm')?.trim();
  if (algorithm === undefined || algorithm === '') throw new GatewayError('MalformedXML');
  if (algorithm !== 'AES256') throw new GatewayError('InvalidEncryptionAlgorithmError', 'The encryption request you specified is not valid. The valid value is AES256.');
  if (childText(defaults[0], 'KMSMasterKeyID') !== undefined) {
    throw new GatewayError('InvalidArgument', 'a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse', {
      ArgumentName: 'ApplyServerSideEncryptionByDefault',
    });
  }
  return algorithm;
}
