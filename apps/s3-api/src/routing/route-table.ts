import { GatewayError } from '@gw/core';
import type { S3Target } from '../request/target';
import type { S3Operation } from './s3-operation';
import { createBucket } from '../ops/create-bucket';
import { deleteBucket } from '../ops/delete-bucket';
import { deleteObject } from '../ops/delete-object';
import { deleteObjects } from '../ops/delete-objects';
import { getBucketLocation } from '../ops/get-bucket-location';
import { getObject } from '../ops/get-object';
import { headBucket } from '../ops/head-bucket';
import { headObject } from '../ops/head-object';
import { listBuckets } from '../ops/list-buckets';
import { listObjects } from '../ops/list-objects';
import { listObjectsV2 } from '../ops/list-objects-v2';
import { putObject } from '../ops/put-object';

interface Route {
  method: string;
  target: S3Target['kind'];
  /** The sub-resource that selects the operation (`?location`, `?delete`, `list-type=2`). */
  subresource?: string;
  /** For sub-resources with a value, the value required. */
  value?: string;
  operation: S3Operation;
}

/** Which S3 operation a request is, by method, target and sub-resource. First match wins. */
const ROUTES: Route[] = [
  { method: 'GET', target: 'service', operation: listBuckets },
  { method: 'GET', target: 'bucket', subresource: 'location', operation: getBucketLocation },
  { method: 'GET', target: 'bucket', subresource: 'list-type', value: '2', operation: listObjectsV2 },
  { method: 'GET', target: 'bucket', operation: listObjects },
  { method: 'PUT', target: 'bucket', operation: createBucket },
  { method: 'HEAD', target: 'bucket', operation: headBucket },
  { method: 'DELETE', target: 'bucket', operation: deleteBucket },
  { method: 'POST', target: 'bucket', subresource: 'delete', operation: deleteObjects },
  { method: 'GET', target: 'object', operation: getObject },
  { method: 'HEAD', target: 'object', operation: headObject },
  { method: 'PUT', target: 'object', operation: putObject },
  { method: 'DELETE', target: 'object', operation: deleteObject },
];

/**
 * Query parameters that name an S3 sub-resource or operation. A request carrying one that no
 * route above serves is refused with NotImplemented instead of falling through to a plain
 * GET/PUT on the bucket or object (a `GET /bucket?versioning` must never answer with a listing).
 */
const SUBRESOURCES = new Set([
  'accelerate', 'acl', 'analytics', 'attributes', 'cors', 'delete', 'encryption', 'intelligent-tiering',
  'inventory', 'legal-hold', 'lifecycle', 'list-type', 'location', 'logging', 'metrics', 'notification',
  'object-lock', 'ownershipControls', 'partNumber', 'policy', 'policyStatus', 'publicAccessBlock',
  'replication', 'requestPayment', 'restore', 'retention', 'select', 'session', 'tagging', 'torrent',
  'uploadId', 'uploads', 'versionId', 'versioning', 'versions', 'website',
]);

export function matchRoute(method: string, target: S3Target, query: URLSearchParams): S3Operation {
  const present = [...query.keys()].filter((name) => SUBRESOURCES.has(name));
  const candidates = ROUTES.filter((r) => r.target === target.kind && r.method === method);
  // `POST /bucket/key?uploads` is an S3 operation this gateway lacks, not a method S3 refuses.
  if (candidates.length === 0 && present.length === 0) throw new GatewayError('MethodNotAllowed');
  for (const route of candidates) {
    if (route.subresource === undefined) {
      if (present.length === 0) return route.operation;
    } else if (query.has(route.subresource) && (route.value === undefined || query.get(route.subresource) === route.value)) {
      if (present.every((name) => name === route.subresource)) return route.operation;
    }
  }
  throw new GatewayError('NotImplemented', `This gateway does not implement ${method} with ?${present.join('&?')} yet.`);
}
