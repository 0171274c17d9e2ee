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
  operation: SwiftOperation;
}

/**
 * Which Swift operation a request is. The first matching route wins, so routes selected by a
 * query parameter come before the plain route of the same kind and method.
 */
const ROUTES: Route[] = [
  // Selected by a query parameter.

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
];

export function matchRoute(method: string, target: SwiftTarget, query: URLSearchParams): SwiftOperation {
  const route = ROUTES.find(
    (r) => r.kind === target.kind && r.method === method && (r.query === undefined || (query.has(r.query) && (r.value === undefined || query.get(r.query) === r.value))),
  );
  if (!route) throw new GatewayError('MethodNotAllowed');
  return route.operation;
}
