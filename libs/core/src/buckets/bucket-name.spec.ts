import { GatewayError } from '../errors';
import { assertValidBucketName, bucketNameProblem } from './bucket-name';

describe('bucket names (S3 naming rules)', () => {
  const valid = [
    'abc',
    'my-bucket',
    'my.bucket.name',
    '1bucket',
    'bucket1',
    'a1-b2.c3',
    '123',
    'a'.repeat(63),
    'xn-bucket', // only the "xn--" prefix is reserved
    'my-s3alias-bucket', // reserved suffixes only count at the end
    '1.2.3', // looks numeric but is not an IP address
    '1.2.3.4.5',
  ];
  const invalid: [string, RegExp][] = [
    ['', /between 3 and 63/],
    ['ab', /between 3 and 63/],
    ['a'.repeat(64), /between 3 and 63/],
    ['MyBucket', /lowercase/],
    ['my_bucket', /lowercase/],
    ['my bucket', /lowercase/],
    ['-bucket', /begin and end/],
    ['bucket-', /begin and end/],
    ['.bucket', /begin and end/],
    ['bucket.', /begin and end/],
    ['bücket', /lowercase/],
    ['my..bucket', /adjacent periods/],
    ['my.-bucket', /period next to a hyphen/],
    ['my-.bucket', /period next to a hyphen/],
    ['192.168.5.4', /IP address/],
    ['10.0.0.1', /IP address/],
    ['xn--bucket', /reserved prefix/],
    ['sthree-bucket', /reserved prefix/],
    ['sthree-configurator', /reserved prefix/],
    ['amzn-s3-demo-bucket', /reserved prefix/],
    ['bucket-s3alias', /reserved suffix/],
    ['bucket--ol-s3', /reserved suffix/],
    ['bucket.mrap', /reserved suffix/],
    ['bucket--x-s3', /reserved suffix/],
    ['bucket--table-s3', /reserved suffix/],
  ];

  it.each(valid)('accepts %j', (name) => {
    expect(bucketNameProblem(name)).toBeUndefined();
    expect(() => assertValidBucketName(name)).not.toThrow();
  });

  it.each(invalid)('refuses %j', (name, reason) => {
    expect(bucketNameProblem(name)).toMatch(reason);
  });

  it('throws InvalidBucketName (400) naming the bucket', () => {
    let caught: unknown;
    try {
      assertValidBucketName('Bad_Name');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GatewayError);
    expect(caught).toMatchObject({ code: 'InvalidBucketName', status: 400, details: { BucketName: 'Bad_Name' } });
  });

  describe('the relaxed rules of Swift containers', () => {
    it.each(['c_segments', 'Upper.Case-1', 'a', 'x'.repeat(256)])('accepts %j', (name) => expect(bucketNameProblem(name, 'swift')).toBeUndefined());
    it.each(['', 'x'.repeat(257), 'a b', 'a/b', 'caf\u00e9', '.', '..', 'healthz'])('refuses %j', (name) => expect(bucketNameProblem(name, 'swift')).toBeDefined());
    it('keeps the S3 rules by default', () => expect(bucketNameProblem('c_segments')).toBeDefined());
  });
});
