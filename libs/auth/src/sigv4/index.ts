// AWS Signature Version 4 for S3: pure canonicalisation and signing functions, request parsing and
// verification, body verification as Transform streams, and the client-side signers.

export { ALGORITHM, EMPTY_SHA256, UNSIGNED_PAYLOAD, STREAMING_SIGNED, STREAMING_SIGNED_TRAILER, STREAMING_UNSIGNED_TRAILER } from './constants';
export { uriEncode } from './uri-encode';
export { canonicalUri } from './canonical-uri';
export { canonicalQuery, type CanonicalQueryOptions } from './canonical-query';
export { canonicalHeaders } from './canonical-headers';
export {
  canonicalRequest,
  stringToSign,
  scopeString,
  sha256Hex,
  type CanonicalRequestParts,
  type CredentialScope,
} from './canonical-request';
export { deriveSigningKey, signature, timingSafeEqualHex } from './signing-key';
export { parseAmzDate, formatAmzDate } from './amz-date';
export { payloadMode, type PayloadMode } from './payload-hash';
export type { SignableRequest, ParsedSigV4, ParseSigV4Options } from './types';
export { parseSigV4 } from './parse-sigv4';
export { verifySigV4, canonicalRequestOf, type VerifiedSigV4 } from './verify-sigv4';
export { chunkSignature, trailerSignature, canonicalTrailers, type ChunkSigningContext } from './chunk-signature';
export { AwsChunkedDecoder, type AwsChunkedMode, type AwsChunkedDecoderOptions } from './aws-chunked-decoder';
export { createSha256Verifier } from './sha256-verifier';
export { createPayloadVerifier, type PayloadVerifier, type PayloadVerifierInput } from './payload-verifier';
export { signRequestHeaders, type SignRequestInput } from './sign-request';
export { presignUrl, type PresignUrlInput } from './presign-url';
