import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it('leaves URLs without secrets alone', () => {
    expect(redactUrl('/bucket/key')).toBe('/bucket/key');
    expect(redactUrl('/bucket?list-type=2&prefix=a%2Fb&uploads')).toBe('/bucket?list-type=2&prefix=a%2Fb&uploads');
  });

  it('redacts presigned SigV4 parameters and session tokens, whatever their case', () => {
    expect(
      redactUrl(
        '/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20260101%2Fkr%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&x-amz-security-token=tok&X-Amz-Signature=abc123',
      ),
    ).toBe(
      '/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=REDACTED&X-Amz-Date=20260101T000000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&x-amz-security-token=REDACTED&X-Amz-Signature=REDACTED',
    );
  });

  it('redacts SigV2 and Swift temp URL signatures', () => {
    expect(redactUrl('/b/k?AWSAccessKeyId=AK&Expires=1&Signature=s%2Bg')).toBe('/b/k?AWSAccessKeyId=AK&Expires=1&Signature=REDACTED');
    expect(redactUrl('/v1/AUTH_a/c/o?temp_url_sig=da39a3ee&temp_url_expires=1')).toBe(
      '/v1/AUTH_a/c/o?temp_url_sig=REDACTED&temp_url_expires=1',
    );
  });

  it('recognises percent-encoded parameter names', () => {
    expect(redactUrl('/b?X%2DAmz%2DSignature=abc&%zz=1')).toBe('/b?X%2DAmz%2DSignature=REDACTED&%zz=1');
  });
});
