import { GatewayError } from '@gw/core';
import type { SwiftTarget } from '../request/target';
import type { SwiftOperation } from './swift-operation';
import { getAccount } from '../ops/get-account';
import { headAccount } from '../ops/head-account';
import { postAccount } from '../ops/post-account';
import { postContainer } from '../ops/post-container';
import { postObject } from '../ops/post-object';
import { deleteContainer } from '../ops/delete-container';
import { getContainer } from '../ops/get-container';
import { headContainer } from '../ops/head-container';
import { putContainer } from '../ops/put-container';
import { deleteObject } from '../ops/delete-object';
import { getObject } from '../ops/get-object';
import { headObject } from '../ops/head-object';
import { putObject } from '../ops/put-object';
import { deleteSlo } from '../ops/delete-slo';
import { getSloManifest } from '../ops/get-slo-manifest';
import { putSloManifest } from '../ops/put-slo-manifest';
import { abortMultipartUpload } from '../ops/abort-multipart-upload';
import { completeMultipartUpload } from '../ops/complete-multipart-upload';
import { initiateMultipartUpload } from '../ops/initiate-multipart-upload';
import { listParts } from '../ops/list-parts';
import { uploadPart } from '../ops/upload-part';
import { bulkDelete } from '../ops/bulk-delete';
import { copyObject } from '../ops/copy-object';
import { dirDelete } from '../ops/dir-delete';
import { moveObject } from '../ops/move-object';
import { formPost } from '../ops/form-post';
import { issueTempUrlOp } from '../ops/issue-temp-url';

/**
 * One route: the target kind, the method, and optionally a query parameter that must be present
 * (`?multipart-manifest=put` is `{ query: 'multipart-manifest', value: 'put' }`; `?uploads` is
 * `{ query: 'uploads' }`).
 */
interface Route {
  kind: SwiftTarget['kind'];
  method: string;
  query?: string;
  value?: string;
  /** True: only a `multipart/form-data` body selects the route (Swift FormPost). */
  form?: boolean;
  operation: SwiftOperation;
}

/**
 * Which Swift operation a request is. The first matching route wins, so routes selected by a
 * query parameter come before the plain route of the same kind and method.
 */
const ROUTES: Route[] = [
  // Selected by the body type.
  { kind: 'container', method: 'POST', form: true, operation: formPost },
  { kind: 'object', method: 'POST', form: true, operation: formPost },
  // Selected by a query parameter.
  { kind: 'object', method: 'PUT', query: 'multipart-manifest', value: 'put', operation: putSloManifest },
  { kind: 'object', method: 'GET', query: 'multipart-manifest', value: 'get', operation: getSloManifest },
  { kind: 'object', method: 'HEAD', query: 'multipart-manifest', value: 'get', operation: getSloManifest },
  { kind: 'object', method: 'DELETE', query: 'multipart-manifest', value: 'delete', operation: deleteSlo },
  { kind: 'object', method: 'POST', query: 'uploads', operation: initiateMultipartUpload },
  { kind: 'object', method: 'PUT', query: 'partNumber', operation: uploadPart },
  { kind: 'object', method: 'PUT', query: 'uploadId', operation: completeMultipartUpload },
  { kind: 'object', method: 'GET', query: 'uploadId', operation: listParts },
  { kind: 'object', method: 'DELETE', query: 'uploadId', operation: abortMultipartUpload },
  { kind: 'object', method: 'GET', query: 'temp_url', operation: issueTempUrlOp },
  { kind: 'account', method: 'POST', query: 'bulk-delete', operation: bulkDelete },
  { kind: 'account', method: 'DELETE', query: 'bulk-delete', operation: bulkDelete },
  { kind: 'container', method: 'DELETE', query: 'dir-delete', operation: dirDelete },
  { kind: 'object', method: 'DELETE', query: 'dir-delete', operation: dirDelete },

  // Plain routes.
  { kind: 'account', method: 'HEAD', operation: headAccount },
  { kind: 'account', method: 'GET', operation: getAccount },
  { kind: 'account', method: 'POST', operation: postAccount },
  { kind: 'container', method: 'PUT', operation: putContainer },
  { kind: 'container', method: 'HEAD', operation: headContainer },
  { kind: 'container', method: 'GET', operation: getContainer },
  { kind: 'container', method: 'DELETE', operation: deleteContainer },
  { kind: 'container', method: 'POST', operation: postContainer },
  { kind: 'object', method: 'PUT', operation: putObject },
  { kind: 'object', method: 'GET', operation: getObject },
  { kind: 'object', method: 'HEAD', operation: headObject },
  { kind: 'object', method: 'DELETE', operation: deleteObject },
  { kind: 'object', method: 'POST', operation: postObject },
  { kind: 'object', method: 'COPY', operation: copyObject },
  { kind: 'object', method: 'MOVE', operation: moveObject },
];

export function matchRoute(method: string, target: SwiftTarget, query: URLSearchParams, contentType = ''): SwiftOperation {
  const form = /^multipart\/form-data\s*;/i.test(contentType);
  const route = ROUTES.find(
    (r) =>
      r.kind === target.kind &&
      r.method === method &&
      (!r.form || form) &&
      (r.query === undefined || (query.has(r.query) && (r.value === undefined || query.get(r.query) === r.value))),
  );
  if (!route) throw new GatewayError('MethodNotAllowed');
  return route.operation;
}
