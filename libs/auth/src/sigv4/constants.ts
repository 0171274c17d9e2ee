// Fixed strings and limits of AWS Signature Version 4 as S3 uses it
// (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html).

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const CHUNK_ALGORITHM = 'AWS4-HMAC-SHA256-PAYLOAD';
export const TRAILER_ALGORITHM = 'AWS4-HMAC-SHA256-TRAILER';
export const SCOPE_TERMINATOR = 'aws4_request';

/** sha256 of the empty string: the payload hash of a body-less request, and a fixed line of every chunk string to sign. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
export const STREAMING_SIGNED = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
export const STREAMING_SIGNED_TRAILER = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER';
export const STREAMING_UNSIGNED_TRAILER = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';

/** S3 refuses a header-signed request whose time is more than 15 minutes from its own clock. */
export const MAX_SKEW_MS = 15 * 60 * 1000;
/** A presigned URL lives at most 7 days (X-Amz-Expires <= 604800). */
export const MAX_PRESIGNED_EXPIRES_SECONDS = 7 * 24 * 60 * 60;

/**
 * Longest aws-chunked framing line we accept (chunk header or trailer line), CRLF included.
 * MinIO uses the same bound; a real header is < 100 bytes, so this only stops a client from
 * making us buffer an endless line.
 */
export const MAX_CHUNK_LINE_BYTES = 4096;
/** Bound on the whole trailer section, for the same reason. */
export const MAX_TRAILER_SECTION_BYTES = 16 * 1024;
