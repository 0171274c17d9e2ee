import type { GatewayError } from '@gw/core';
import { resolveTarget } from '../request/target';
import { matchRoute } from './route-table';

const route = (method: string, path: string, query = ''): string => matchRoute(method, resolveTarget(path), new URLSearchParams(query)).name;

function refusal(method: string, path: string, query = ''): string {
  try {
    route(method, path, query);
  } catch (error) {
    return (error as GatewayError).code;
  }
  throw new Error(`${method} ${path}?${query} was routed`);
}

describe('matchRoute', () => {
  it.each([
    ['GET', '/', '', 'ListBuckets'],
    ['GET', '/b', '', 'ListObjects'],
    ['GET', '/b/', 'prefix=a&delimiter=%2F&max-keys=5', 'ListObjects'],
    ['GET', '/b', 'list-type=2&continuation-token=x', 'ListObjectsV2'],
    ['GET', '/b', 'location', 'GetBucketLocation'],
    ['PUT', '/b', '', 'CreateBucket'],
    ['HEAD', '/b', '', 'HeadBucket'],
    ['DELETE', '/b', '', 'DeleteBucket'],
    ['POST', '/b', 'delete', 'DeleteObjects'],
    ['POST', '/b', '', 'PostObject'],
    ['GET', '/b', 'acl', 'GetBucketAcl'],
    ['PUT', '/b', 'acl', 'PutBucketAcl'],
    ['GET', '/b/k', 'acl', 'GetObjectAcl'],
    ['PUT', '/b/k', 'acl&versionId=v', 'PutObjectAcl'],
    ['GET', '/b/k', '', 'GetObject'],
    ['GET', '/b/k', 'x-id=GetObject&response-content-type=text%2Fplain', 'GetObject'],
    ['HEAD', '/b/dir/k', '', 'HeadObject'],
    ['PUT', '/b/k', 'x-id=PutObject', 'PutObject'],
    ['DELETE', '/b/k', '', 'DeleteObject'],
    ['GET', '/b', 'uploads&prefix=a&max-uploads=3', 'ListMultipartUploads'],
    ['POST', '/b/k', 'uploads', 'CreateMultipartUpload'],
    ['PUT', '/b/k', 'partNumber=2&uploadId=u', 'UploadPart'],
    ['PUT', '/b/k', 'uploadId=u&partNumber=2&x-id=UploadPart', 'UploadPart'],
    ['GET', '/b/k', 'uploadId=u&max-parts=2', 'ListParts'],
    ['POST', '/b/k', 'uploadId=u', 'CompleteMultipartUpload'],
    ['DELETE', '/b/k', 'uploadId=u', 'AbortMultipartUpload'],
    ['GET', '/b/k', 'partNumber=1', 'GetObject'],
    ['HEAD', '/b/k', 'partNumber=3', 'HeadObject'],
    ['GET', '/b', 'versioning', 'GetBucketVersioning'],
    ['PUT', '/b', 'versioning', 'PutBucketVersioning'],
    ['GET', '/b', 'versions&prefix=a&key-marker=k&version-id-marker=v', 'ListObjectVersions'],
    ['GET', '/b/k', 'versionId=v', 'GetObject'],
    ['HEAD', '/b/k', 'versionId=v', 'HeadObject'],
    ['DELETE', '/b/k', 'versionId=v', 'DeleteObject'],
    ['GET', '/b/k', 'tagging', 'GetObjectTagging'],
    ['GET', '/b/k', 'tagging&versionId=v', 'GetObjectTagging'],
    ['PUT', '/b/k', 'tagging', 'PutObjectTagging'],
    ['DELETE', '/b/k', 'versionId=v&tagging', 'DeleteObjectTagging'],
    ['GET', '/b', 'lifecycle', 'GetBucketLifecycleConfiguration'],
    ['PUT', '/b', 'lifecycle', 'PutBucketLifecycleConfiguration'],
    ['DELETE', '/b', 'lifecycle', 'DeleteBucketLifecycle'],
    ['GET', '/b', 'cors', 'GetBucketCors'],
    ['PUT', '/b', 'cors', 'PutBucketCors'],
    ['DELETE', '/b', 'cors', 'DeleteBucketCors'],
    ['GET', '/b', 'logging', 'GetBucketLogging'],
    ['PUT', '/b', 'logging', 'PutBucketLogging'],
  ])('%s %s?%s is %s', (method, path, query, name) => {
    expect(route(method, path, query)).toBe(name);
  });

  it('a copy source header makes an UploadPart an UploadPartCopy', () => {
    const withCopySource = (query: string) =>
      matchRoute('PUT', resolveTarget('/b/k'), new URLSearchParams(query), { 'x-amz-copy-source': '/src/key' }).name;
    expect(withCopySource('partNumber=1&uploadId=u')).toBe('UploadPartCopy');
    expect(route('PUT', '/b/k', 'partNumber=1&uploadId=u')).toBe('UploadPart');
  });

  it('a copy source header makes a PutObject a CopyObject', () => {
    const copySource = { 'x-amz-copy-source': '/src/key' };
    expect(matchRoute('PUT', resolveTarget('/b/k'), new URLSearchParams(''), copySource).name).toBe('CopyObject');
    expect(() => matchRoute('PUT', resolveTarget('/b/k'), new URLSearchParams('versionId=v'), copySource)).toThrow(expect.objectContaining({ code: 'NotImplemented' }));
  });

  it('presigned URL parameters are not sub-resources', () => {
    expect(route('GET', '/b/k', 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc')).toBe('GetObject');
  });

  it.each([
    ['GET', '/b', 'policy'],
    ['GET', '/b', 'website'],
    ['GET', '/b', 'list-type=2&versions'],
    ['GET', '/b', 'versioning&versions'],
    ['GET', '/b', 'list-type=1'],
    ['PUT', '/b', 'replication'],
    ['DELETE', '/b', 'website'],
    ['GET', '/b/k', 'lifecycle'],
    ['GET', '/b/k', 'torrent&versionId=v'],
    ['PUT', '/b/k', 'versionId=v'],
    ['PUT', '/b/k', 'uploadId=u'],
    ['PUT', '/b/k', 'partNumber=1'],
    ['DELETE', '/b/k', 'versionId=v&retention'],
    ['GET', '/b/k', 'uploads'],
    ['POST', '/b/k', 'uploads&uploadId=u'],
  ])('%s %s?%s is NotImplemented, never the plain operation', (method, path, query) => {
    expect(refusal(method, path, query)).toBe('NotImplemented');
  });

  it.each([
    ['POST', '/b/k'],
    ['PATCH', '/b/k'],
    ['PATCH', '/b'],
    ['PUT', '/'],
    ['DELETE', '/'],
    ['POST', '/'],
    ['OPTIONS', '/b/k'],
  ])('%s %s is MethodNotAllowed', (method, path) => {
    expect(refusal(method, path)).toBe('MethodNotAllowed');
  });
});
