import { formatAmzDate } from '../sigv4/amz-date';
import { ALGORITHM } from '../sigv4/constants';
import { scopeString } from '../sigv4/canonical-request';
import { deriveSigningKey, signature } from '../sigv4/signing-key';
import { signatureV2 } from '../sigv2/signature-v2';

export interface SignPostPolicyInput {
  /** The policy document; the signature fields this function adds are appended to its conditions. */
  policy: { expiration: string; conditions: unknown[] };
  accessKeyId: string;
  secretKey: string;
  region: string;
  now: Date;
  version?: 2 | 4;
  securityToken?: string;
}

/**
 * Client side of a browser POST form, for tests and tools (what boto3's generate_presigned_post
 * does): the policy and signature fields to put in the form, the policy naming them as S3 requires.
 */
export function signPostPolicy(input: SignPostPolicyInput): Record<string, string> {
  const conditions = [...input.policy.conditions];
  const fields: Record<string, string> = {};
  if (input.securityToken !== undefined) {
    fields['x-amz-security-token'] = input.securityToken;
    conditions.push({ 'x-amz-security-token': input.securityToken });
  }
  if (input.version === 2) {
    const policy = Buffer.from(JSON.stringify({ ...input.policy, conditions })).toString('base64');
    return { ...fields, AWSAccessKeyId: input.accessKeyId, policy, signature: signatureV2(input.secretKey, policy) };
  }
  const amzDate = formatAmzDate(input.now);
  const scope = { date: amzDate.slice(0, 8), region: input.region, service: 's3' };
  const credential = `${input.accessKeyId}/${scopeString(scope)}`;
  conditions.push({ 'x-amz-algorithm': ALGORITHM }, { 'x-amz-credential': credential }, { 'x-amz-date': amzDate });
  const policy = Buffer.from(JSON.stringify({ ...input.policy, conditions })).toString('base64');
  const key = deriveSigningKey(input.secretKey, scope.date, scope.region, scope.service);
  return { ...fields, 'x-amz-algorithm': ALGORITHM, 'x-amz-credential': credential, 'x-amz-date': amzDate, policy, 'x-amz-signature': signature(key, policy) };
}
