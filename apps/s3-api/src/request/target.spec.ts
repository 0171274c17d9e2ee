import { resolveTarget } from './target';

const ACCOUNT = 'a'.repeat(32);

describe('resolveTarget', () => {
  it('path style: service, bucket, object, another account\'s bucket', () => {
    expect(resolveTarget('/')).toEqual({ kind: 'service' });
    expect(resolveTarget('/b')).toEqual({ kind: 'bucket', bucketName: 'b' });
    expect(resolveTarget('/b/')).toEqual({ kind: 'bucket', bucketName: 'b' });
    expect(resolveTarget('/b/dir/a%20b')).toEqual({ kind: 'object', bucketName: 'b', key: 'dir/a b' });
    expect(resolveTarget(`/${ACCOUNT}:b/k`)).toEqual({ kind: 'object', bucketName: 'b', key: 'k', accountId: ACCOUNT });
    expect(() => resolveTarget('/nothex:b')).toThrow(expect.objectContaining({ code: 'InvalidBucketName' }));
  });

  it('virtual-host style under the domain: the Host names the bucket, the whole path is the key', () => {
    const d = 's3.example.com';
    expect(resolveTarget('/', 'photos.s3.example.com', d)).toEqual({ kind: 'bucket', bucketName: 'photos', hostBucket: 'photos' });
    expect(resolveTarget('/a/b%2Fc', 'photos.s3.example.com:8080', d)).toEqual({ kind: 'object', bucketName: 'photos', key: 'a/b/c', hostBucket: 'photos' });
    expect(resolveTarget('/k', 'my.dotted.bucket.S3.Example.com.', d)).toMatchObject({ bucketName: 'my.dotted.bucket', key: 'k' });
    expect(resolveTarget(`/${ACCOUNT}:b/k`, 'photos.s3.example.com', d)).toEqual({ kind: 'object', bucketName: 'photos', key: `${ACCOUNT}:b/k`, hostBucket: 'photos' });
    expect(resolveTarget('//double', 'photos.s3.example.com', d)).toMatchObject({ key: '/double' });
  });

  it('path style for the bare domain, other hosts, IPs, or without a domain', () => {
    const d = 's3.example.com';
    expect(resolveTarget('/b/k', 's3.example.com:8080', d)).toEqual({ kind: 'object', bucketName: 'b', key: 'k' });
    expect(resolveTarget('/b/k', 'xs3.example.com', d)).toEqual({ kind: 'object', bucketName: 'b', key: 'k' });
    expect(resolveTarget('/b/k', '127.0.0.1:8080', d)).toEqual({ kind: 'object', bucketName: 'b', key: 'k' });
    expect(resolveTarget('/b/k', 'photos.s3.example.com')).toEqual({ kind: 'object', bucketName: 'b', key: 'k' });
  });
});
