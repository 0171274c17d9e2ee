import { GatewayError } from '@gw/core';
import { timingSafeEqualHex } from '../sigv4/signing-key';
import { signatureV2 } from './signature-v2';
import { stringToSignV2 } from './string-to-sign';
import type { ParsedSigV2, SigV2Request } from './types';

/**
 * Recomputes the V2 signature with the secret of parsed.accessKeyId and compares in constant
 * time. SignatureDoesNotMatch carries what S3 returns to help a client debug its signer.
 */
export function verifySigV2(req: SigV2Request, parsed: ParsedSigV2, secretKey: string): void {
  const toSign = stringToSignV2(req, parsed.dateElement);
  const expected = signatureV2(secretKey, toSign);
  if (!timingSafeEqualHex(expected, parsed.signature)) {
    throw new GatewayError('SignatureDoesNotMatch', undefined, {
      AWSAccessKeyId: parsed.accessKeyId,
      StringToSign: toSign,
      SignatureProvided: parsed.signature,
      StringToSignBytes: [...Buffer.from(toSign, 'utf8')].map((b) => b.toString(16).padStart(2, '0')).join(' '),
    });
  }
}
