import { GatewayError } from '@gw/core';
import type { CredentialScope } from '../sigv4/canonical-request';
import { ALGORITHM } from '../sigv4/constants';
import { parseCredential } from '../sigv4/credential';
import { deriveSigningKey, signature, timingSafeEqualHex } from '../sigv4/signing-key';
import { signatureV2 } from '../sigv2/signature-v2';

/** Who signed a browser POST form's policy, and how. */
export type PostCredentials =
  | { version: 4; accessKeyId: string; scope: CredentialScope; signature: string; securityToken?: string }
  | { version: 2; accessKeyId: string; signature: string; securityToken?: string };

const missing = (field: string): GatewayError =>
  new GatewayError('InvalidArgument', `Bucket POST must contain a field named '${field}'.  If it is specified, please check the order of the fields.`, {
    ArgumentName: field,
    ArgumentValue: '',
  });

/**
 * The signature fields of a POST form (names lowercased): SigV4 (x-amz-algorithm, -credential,
 * -date, -signature) or SigV2 (AWSAccessKeyId, signature), both with the policy they sign.
 * Null for an unsigned form, which S3 takes as anonymous (a public-read-write bucket accepts it).
 */
export function readPostCredentials(fields: Readonly<Record<string, string>>): PostCredentials | null {
  const securityToken = fields['x-amz-security-token'];
  const v4 = ['x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'x-amz-signature'].some((name) => fields[name] !== undefined);
  const v2 = fields.awsaccesskeyid !== undefined || fields.signature !== undefined;
  if (!v4 && !v2) {
    if (fields.policy !== undefined) throw missing('AWSAccessKeyId');
    return null;
  }
  if (fields.policy === undefined) throw missing('policy');
  if (!v4) {
    if (!fields.awsaccesskeyid) throw missing('AWSAccessKeyId');
    if (!fields.signature) throw missing('signature');
    return { version: 2, accessKeyId: fields.awsaccesskeyid, signature: fields.signature, securityToken };
  }
  for (const name of ['x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'x-amz-signature']) if (!fields[name]) throw missing(name);
  if (fields['x-amz-algorithm'] !== ALGORITHM) {
    throw new GatewayError('InvalidArgument', `x-amz-algorithm only supports "${ALGORITHM}"`, {
      ArgumentName: 'x-amz-algorithm',
      ArgumentValue: fields['x-amz-algorithm'],
    });
  }
  const credential = parseCredential(fields['x-amz-credential']);
  if (!credential || credential.scope.service !== 's3') {
    throw new GatewayError('InvalidArgument', 'x-amz-credential is not of the form <access key>/<YYYYMMDD>/<region>/s3/aws4_request', {
      ArgumentName: 'x-amz-credential',
      ArgumentValue: fields['x-amz-credential'],
    });
  }
  return { version: 4, ...credential, signature: fields['x-amz-signature'], securityToken };
}

/**
 * The policy is the string to sign: SigV4 signs it with the scope's signing key (hex), SigV2
 * with the secret itself (base64 HMAC-SHA1). Compared in constant time.
 */
export function verifyPostSignature(policyBase64: string, credentials: PostCredentials, secretKey: string): void {
  const expected =
    credentials.version === 4
      ? signature(deriveSigningKey(secretKey, credentials.scope.date, credentials.scope.region, credentials.scope.service), policyBase64)
      : signatureV2(secretKey, policyBase64);
  if (!timingSafeEqualHex(expected, credentials.signature)) {
    throw new GatewayError('SignatureDoesNotMatch', undefined, {
      AWSAccessKeyId: credentials.accessKeyId,
      StringToSign: policyBase64,
      SignatureProvided: credentials.signature,
    });
  }
}
