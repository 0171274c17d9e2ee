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

/** Which Swift operation a request is, by target and method. */
const ROUTES: Record<SwiftTarget['kind'], Partial<Record<string, SwiftOperation>>> = {
  account: { HEAD: headAccount, GET: getAccount, POST: postAccount },
  container: { PUT: putContainer, HEAD: headContainer, GET: getContainer, DELETE: deleteContainer, POST: postContainer },
  object: { PUT: putObject, GET: getObject, HEAD: headObject, DELETE: deleteObject, POST: postObject },
};

export function matchRoute(method: string, target: SwiftTarget): SwiftOperation {
  const operation = ROUTES[target.kind][method];
  if (!operation) throw new GatewayError('MethodNotAllowed');
  return operation;
}
