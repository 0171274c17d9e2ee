import { checkPostPolicy } from './check-post-policy';
import { parsePostPolicy, PostPolicy } from './post-policy';
import { readPostCredentials, verifyPostSignature } from './post-signature';
import { signPostPolicy } from './sign-post-policy';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const b64 = (document: unknown): string => Buffer.from(typeof document === 'string' ? document : JSON.stringify(document)).toString('base64');

// "Example: Browser-Based Upload using HTTP POST (Using AWS Signature Version 4)", S3 API reference.
const AWS_EXAMPLE_POLICY =
  'eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1Y2tldCI6ICJzaWd2NGV4YW1wbGVidWNrZXQifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRrZXkiLCAidXNlci91c2VyMS8iXSwNCiAgICB7ImFjbCI6ICJwdWJsaWMtcmVhZCJ9LA0KICAgIHsic3VjY2Vzc19hY3Rpb25fcmVkaXJlY3QiOiAiaHR0cDovL3NpZ3Y0ZXhhbXBsZWJ1Y2tldC5zMy5hbWF6b25hd3MuY29tL3N1Y2Nlc3NmdWxfdXBsb2FkLmh0bWwifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRDb250ZW50LVR5cGUiLCAiaW1hZ2UvIl0sDQogICAgeyJ4LWFtei1tZXRhLXV1aWQiOiAiMTQzNjUxMjM2NTEyNzQifSwNCiAgICB7IngtYW16LXNlcnZlci1zaWRlLWVuY3J5cHRpb24iOiAiQUVTMjU2In0sDQogICAgWyJzdGFydHMtd2l0aCIsICIkeC1hbXotbWV0YS10YWciLCAiIl0sDQoNCiAgICB7IngtYW16LWNyZWRlbnRpYWwiOiAiQUtJQUlPU0ZPRE5ON0VYQU1QTEUvMjAxNTEyMjkvdXMtZWFzdC0xL3MzL2F3czRfcmVxdWVzdCJ9LA0KICAgIHsieC1hbXotYWxnb3JpdGhtIjogIkFXUzQtSE1BQy1TSEEyNTYifSwNCiAgICB7IngtYW16LWRhdGUiOiAiMjAxNTEyMjlUMDAwMDAwWiIgfQ0KICBdDQp9';
const AWS_EXAMPLE_FORM: Record<string, string> = {
  key: 'user/user1/photo.jpg',
  acl: 'public-read',
  success_action_redirect: 'http://sigv4examplebucket.s3.amazonaws.com/successful_upload.html',
  'content-type': 'image/jpeg',
  'x-amz-meta-uuid': '14365123651274',
  'x-amz-server-side-encryption': 'AES256',
  'x-amz-credential': 'AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request',
  'x-amz-algorithm': 'AWS4-HMAC-SHA256',
  'x-amz-date': '20151229T000000Z',
  'x-amz-meta-tag': '',
  policy: AWS_EXAMPLE_POLICY,
  'x-amz-signature': '8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e',
};
const BEFORE_EXPIRY = new Date('2015-12-30T11:00:00Z');

describe('the AWS SigV4 POST example', () => {
  it('verifies its signature and satisfies its policy', () => {
    const credentials = readPostCredentials(AWS_EXAMPLE_FORM)!;
    expect(credentials).toMatchObject({ version: 4, accessKeyId: 'AKIAIOSFODNN7EXAMPLE', scope: { date: '20151229', region: 'us-east-1', service: 's3' } });
    expect(() => verifyPostSignature(AWS_EXAMPLE_POLICY, credentials, SECRET)).not.toThrow();
    expect(() => verifyPostSignature(AWS_EXAMPLE_POLICY, credentials, SECRET.toLowerCase())).toThrow(expect.objectContaining({ code: 'SignatureDoesNotMatch' }));

    const policy = parsePostPolicy(AWS_EXAMPLE_POLICY);
    expect(policy.expiration.toISOString()).toBe('2015-12-30T12:00:00.000Z');
    expect(policy.conditions).toHaveLength(11);
    expect(checkPostPolicy(policy, { bucket: 'sigv4examplebucket', fields: AWS_EXAMPLE_FORM }, BEFORE_EXPIRY)).toBeUndefined();
  });

  it.each([
    ['another bucket', { bucket: 'other' }, 'Policy Condition failed: ["eq", "$bucket", "sigv4examplebucket"]'],
    ['a key outside the prefix', { key: 'user/user2/photo.jpg' }, 'Policy Condition failed: ["starts-with", "$key", "user/user1/"]'],
    ['another acl', { acl: 'private' }, 'Policy Condition failed: ["eq", "$acl", "public-read"]'],
    ['a content type outside image/', { 'content-type': 'text/html' }, 'Policy Condition failed: ["starts-with", "$Content-Type", "image/"]'],
    ['one of several content types outside image/', { 'content-type': 'image/png, text/html' }, 'Policy Condition failed: ["starts-with", "$Content-Type", "image/"]'],
    ['a field the policy does not name', { 'x-amz-meta-other': 'x' }, 'Extra input fields: x-amz-meta-other'],
    ['a missing field an exact condition names', { 'x-amz-meta-uuid': undefined }, 'Policy Condition failed: ["eq", "$x-amz-meta-uuid", "14365123651274"]'],
  ])('refuses %s with AccessDenied', (_name, change, reason) => {
    const { bucket = 'sigv4examplebucket', ...fieldChanges } = change as Record<string, string | undefined>;
    const fields = Object.fromEntries(Object.entries({ ...AWS_EXAMPLE_FORM, ...fieldChanges }).filter(([, v]) => v !== undefined)) as Record<string, string>;
    expect(() => checkPostPolicy(parsePostPolicy(AWS_EXAMPLE_POLICY), { bucket: bucket!, fields }, BEFORE_EXPIRY)).toThrow(
      expect.objectContaining({ code: 'AccessDenied', message: `Invalid according to Policy: ${reason}` }),
    );
  });

  it('refuses it once expired', () => {
    expect(() => checkPostPolicy(parsePostPolicy(AWS_EXAMPLE_POLICY), { bucket: 'sigv4examplebucket', fields: AWS_EXAMPLE_FORM }, new Date('2015-12-30T12:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'AccessDenied', message: 'Invalid according to Policy: Policy expired.' }),
    );
  });
});

describe('policy evaluation', () => {
  const policy = (conditions: unknown[]): PostPolicy => parsePostPolicy(b64({ expiration: '2030-01-01T00:00:00.000Z', conditions }));
  const now = new Date('2029-01-01T00:00:00Z');

  it('returns the content-length-range, accepts numeric strings, ignores exempt and x-ignore- fields', () => {
    const p = policy([['content-length-range', '10', 100], ['starts-with', '$key', '']]);
    const fields = { key: 'a', policy: 'p', 'x-amz-signature': 's', signature: 's', awsaccesskeyid: 'a', 'x-ignore-me': '1' };
    expect(checkPostPolicy(p, { bucket: 'b', fields }, now)).toEqual({ min: 10, max: 100 });
  });

  it('compares values case-sensitively and names case-insensitively', () => {
    const p = policy([{ Key: 'Photo' }, ['EQ', '$X-Amz-Meta-A', 'v']]);
    expect(() => checkPostPolicy(p, { bucket: 'b', fields: { key: 'Photo', 'x-amz-meta-a': 'v' } }, now)).not.toThrow();
    expect(() => checkPostPolicy(p, { bucket: 'b', fields: { key: 'photo', 'x-amz-meta-a': 'v' } }, now)).toThrow(expect.objectContaining({ code: 'AccessDenied' }));
  });

  it.each([
    ['not base64 JSON', 'not json at all', 'Invalid Policy: Invalid JSON.'],
    ['a JSON array', [], 'Invalid Policy: Invalid JSON.'],
    ['no expiration', { conditions: [] }, 'Invalid Policy: Policy missing expiration.'],
    ['a bad expiration', { expiration: 'tomorrow', conditions: [] }, "Invalid Policy: Invalid 'expiration' value: 'tomorrow'"],
    ['no conditions', { expiration: '2030-01-01T00:00:00Z' }, 'Invalid Policy: Policy missing conditions.'],
    ['an unknown operation', { expiration: '2030-01-01T00:00:00Z', conditions: [['matches', '$key', '.*']] }, 'Invalid Policy: Invalid Condition: unknown operation in ["matches", "$key", ".*"]'],
    ['a field without $', { expiration: '2030-01-01T00:00:00Z', conditions: [['eq', 'key', 'a']] }, 'Invalid Policy: Invalid Condition: ["eq", "key", "a"]'],
    ['a reversed range', { expiration: '2030-01-01T00:00:00Z', conditions: [['content-length-range', 5, 1]] }, 'Invalid Policy: Invalid content-length-range: ["content-length-range", 5, 1]'],
    ['a non-string value', { expiration: '2030-01-01T00:00:00Z', conditions: [{ key: 5 }] }, 'Invalid Policy: Invalid Simple-Condition: value must be a string.'],
  ])('refuses a policy with %s as InvalidPolicyDocument', (_name, document, message) => {
    expect(() => parsePostPolicy(b64(document))).toThrow(expect.objectContaining({ code: 'InvalidPolicyDocument', message }));
  });
});

describe('POST signatures', () => {
  const creds = { accessKeyId: 'AKID', secretKey: 'secret-0123456789' };
  const document = { expiration: '2030-01-01T00:00:00.000Z', conditions: [{ bucket: 'b' }] };

  it('SigV4 and SigV2 forms made by the client signer verify, and name their own fields in the policy', () => {
    for (const version of [4, 2] as const) {
      const fields = Object.fromEntries(
        Object.entries(signPostPolicy({ policy: document, ...creds, region: 'kr-central-2', now: new Date('2029-01-01T00:00:00Z'), version, securityToken: 'tok' })).map(([k, v]) => [k.toLowerCase(), v]),
      );
      const credentials = readPostCredentials(fields)!;
      expect(credentials).toMatchObject({ version, accessKeyId: 'AKID', securityToken: 'tok' });
      expect(() => verifyPostSignature(fields.policy, credentials, creds.secretKey)).not.toThrow();
      expect(() => verifyPostSignature(fields.policy, credentials, 'wrong-secret')).toThrow(expect.objectContaining({ code: 'SignatureDoesNotMatch' }));
      expect(() => checkPostPolicy(parsePostPolicy(fields.policy), { bucket: 'b', fields }, new Date('2029-01-01T00:00:00Z'))).not.toThrow();
    }
  });

  it('an unsigned form is anonymous; a half-signed one names what is missing', () => {
    expect(readPostCredentials({ key: 'k' })).toBeNull();
    const missing = (fields: Record<string, string>, field: string) =>
      expect(() => readPostCredentials(fields)).toThrow(
        expect.objectContaining({ code: 'InvalidArgument', message: `Bucket POST must contain a field named '${field}'.  If it is specified, please check the order of the fields.` }),
      );
    missing({ policy: 'p' }, 'AWSAccessKeyId');
    missing({ awsaccesskeyid: 'a', signature: 's' }, 'policy');
    missing({ policy: 'p', awsaccesskeyid: 'a' }, 'signature');
    missing({ policy: 'p', 'x-amz-algorithm': 'AWS4-HMAC-SHA256', 'x-amz-credential': 'a/20290101/r/s3/aws4_request', 'x-amz-date': '20290101T000000Z' }, 'x-amz-signature');
    expect(() =>
      readPostCredentials({ policy: 'p', 'x-amz-algorithm': 'AWS4-HMAC-SHA256', 'x-amz-credential': 'a/20290101/r/iam/aws4_request', 'x-amz-date': 'd', 'x-amz-signature': 's' }),
    ).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
  });
});
