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
    ['GET', '/b/k', '', 'GetObject'],
    ['GET', '/b/k', 'x-id=GetObject&response-content-type=text%2Fplain', 'GetObject'],
    ['HEAD', '/b/dir/k', '', 'HeadObject'],
    ['PUT', '/b/k', 'x-id=PutObject', 'PutObject'],
    ['DELETE', '/b/k', '', 'DeleteObject'],
  ])('%s %s?%s is %s', (method, path, query, name) => {
    expect(route(method, path, query)).toBe(name);
  });

  it('presigned URL parameters are not sub-resources', () => {
    expect(route('GET', '/b/k', 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc')).toBe('GetObject');
  });

  it.each([
    ['GET', '/b', 'versioning'],
    ['GET', '/b', 'acl'],
    ['GET', '/b', 'list-type=2&versions'],
    ['GET', '/b', 'list-type=1'],
    ['PUT', '/b', 'lifecycle'],
    ['DELETE', '/b', 'cors'],
    ['GET', '/b/k', 'tagging'],
    ['PUT', '/b/k', 'partNumber=1&uploadId=u'],
    ['DELETE', '/b/k', 'versionId=v'],
    ['POST', '/b/k', 'uploads'],
    ['POST', '/b/k', 'uploadId=u'],
    ['POST', '/b', ''],
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
