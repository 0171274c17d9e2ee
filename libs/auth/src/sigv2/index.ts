// AWS Signature Version 2 for S3 (https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html):
// pure canonicalisation and signing, request parsing and verification, and the client-side
// signers tests and tools use. s3cmd and older clients still send it.

export { SIGNED_SUBRESOURCES } from './subresources';
export { canonicalAmzHeaders, canonicalResource, stringToSignV2 } from './string-to-sign';
export { signatureV2 } from './signature-v2';
export { parseSigV2 } from './parse-sigv2';
export { verifySigV2 } from './verify-sigv2';
export { signRequestV2, presignUrlV2, type SignRequestV2Input } from './sign-request-v2';
export type { SigV2Request, ParsedSigV2 } from './types';
