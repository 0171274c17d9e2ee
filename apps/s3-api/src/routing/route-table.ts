import type { IncomingHttpHeaders } from 'node:http';
import { GatewayError } from '@gw/core';
import type { S3Target } from '../request/target';
import type { S3Operation } from './s3-operation';
import { createBucket } from '../ops/create-bucket';
import { deleteBucket } from '../ops/delete-bucket';
import { deleteObject } from '../ops/delete-object';
import { deleteObjects } from '../ops/delete-objects';
import { getBucketAcl } from '../ops/get-bucket-acl';
import { getBucketLocation } from '../ops/get-bucket-location';
import { getObjectAcl } from '../ops/get-object-acl';
import { putBucketAcl } from '../ops/put-bucket-acl';
import { putObjectAcl } from '../ops/put-object-acl';
import { getObject } from '../ops/get-object';
import { headBucket } from '../ops/head-bucket';
import { headObject } from '../ops/head-object';
import { listBuckets } from '../ops/list-buckets';
import { listObjects } from '../ops/list-objects';
import { listObjectsV2 } from '../ops/list-objects-v2';
import { putObject } from '../ops/put-object';
import { abortMultipartUpload } from '../ops/abort-multipart-upload';
import { completeMultipartUpload } from '../ops/complete-multipart-upload';
import { createMultipartUpload } from '../ops/create-multipart-upload';
import { listMultipartUploads } from '../ops/list-multipart-uploads';
import { listParts } from '../ops/list-parts';
import { uploadPart } from '../ops/upload-part';
import { uploadPartCopy } from '../ops/upload-part-copy';
import { copyObject } from '../ops/copy-object';
import { deleteObjectTagging } from '../ops/delete-object-tagging';
import { getBucketVersioning } from '../ops/get-bucket-versioning';
import { getObjectTagging } from '../ops/get-object-tagging';
import { listObjectVersions } from '../ops/list-object-versions';
import { putBucketVersioning } from '../ops/put-bucket-versioning';
import { putObjectTagging } from '../ops/put-object-tagging';
import { postObject } from '../ops/post-object';
import { deleteBucketCors } from '../ops/delete-bucket-cors';
import { deleteBucketLifecycle } from '../ops/delete-bucket-lifecycle';
import { getBucketCors } from '../ops/get-bucket-cors';
import { getBucketLifecycleConfiguration } from '../ops/get-bucket-lifecycle-configuration';
import { getBucketLogging } from '../ops/get-bucket-logging';
import { putBucketCors } from '../ops/put-bucket-cors';
import { putBucketLifecycleConfiguration } from '../ops/put-bucket-lifecycle-configuration';
import { putBucketLogging } from '../ops/put-bucket-logging';
import { deleteBucketEncryption } from '../ops/delete-bucket-encryption';
import { getBucketEncryption } from '../ops/get-bucket-encryption';
import { putBucketEncryption } from '../ops/put-bucket-encryption';

interface Route {
  method: string;
  target: S3Target['kind'];
  /** The sub-resource that selects the operation (`?location`, `?delete`, `list-type=2`). */
  subresource?: string;
  /** For sub-resources with a value, the value required. */
  value?: string;
  /** Further sub-resources the operation requires with it (UploadPart: `partNumber` with `uploadId`). */
  with?: string[];
  /** A request header that selects the operation (UploadPartCopy: `x-amz-copy-source`). */
  header?: string;
  /** Sub-resources the operation takes as options, not selectors (GetObject: `versionId`). */
  accepts?: string[];
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
  { method: 'POST', target: 'bucket', operation: postObject },
  { method: 'GET', target: 'bucket', subresource: 'acl', operation: getBucketAcl },
  { method: 'PUT', target: 'bucket', subresource: 'acl', operation: putBucketAcl },
  { method: 'GET', target: 'object', subresource: 'acl', accepts: ['versionId'], operation: getObjectAcl },
  { method: 'PUT', target: 'object', subresource: 'acl', accepts: ['versionId'], operation: putObjectAcl },
  { method: 'GET', target: 'bucket', subresource: 'uploads', operation: listMultipartUploads },
  { method: 'POST', target: 'object', subresource: 'uploads', operation: createMultipartUpload },
  { method: 'PUT', target: 'object', subresource: 'uploadId', with: ['partNumber'], header: 'x-amz-copy-source', operation: uploadPartCopy },
  { method: 'PUT', target: 'object', subresource: 'uploadId', with: ['partNumber'], operation: uploadPart },
  { method: 'GET', target: 'object', subresource: 'uploadId', operation: listParts },
  { method: 'POST', target: 'object', subresource: 'uploadId', operation: completeMultipartUpload },
  { method: 'DELETE', target: 'object', subresource: 'uploadId', operation: abortMultipartUpload },
  { method: 'GET', target: 'object', subresource: 'partNumber', accepts: ['versionId'], operation: getObject },
  { method: 'HEAD', target: 'object', subresource: 'partNumber', accepts: ['versionId'], operation: headObject },
  { method: 'GET', target: 'bucket', subresource: 'versioning', operation: getBucketVersioning },
  { method: 'PUT', target: 'bucket', subresource: 'versioning', operation: putBucketVersioning },
  { method: 'GET', target: 'bucket', subresource: 'versions', operation: listObjectVersions },
  { method: 'GET', target: 'object', subresource: 'tagging', accepts: ['versionId'], operation: getObjectTagging },
  { method: 'PUT', target: 'object', subresource: 'tagging', accepts: ['versionId'], operation: putObjectTagging },
  { method: 'DELETE', target: 'object', subresource: 'tagging', accepts: ['versionId'], operation: deleteObjectTagging },
  { method: 'GET', target: 'bucket', subresource: 'lifecycle', operation: getBucketLifecycleConfiguration },
  { method: 'PUT', target: 'bucket', subresource: 'lifecycle', operation: putBucketLifecycleConfiguration },
  { method: 'DELETE', target: 'bucket', subresource: 'lifecycle', operation: deleteBucketLifecycle },
  { method: 'GET', target: 'bucket', subresource: 'cors', operation: getBucketCors },
  { method: 'PUT', target: 'bucket', subresource: 'cors', operation: putBucketCors },
  { method: 'DELETE', target: 'bucket', subresource: 'cors', operation: deleteBucketCors },
  { method: 'GET', target: 'bucket', subresource: 'logging', operation: getBucketLogging },
  { method: 'PUT', target: 'bucket', subresource: 'logging', operation: putBucketLogging },
  { method: 'GET', target: 'bucket', subresource: 'encryption', operation: getBucketEncryption },
  { method: 'PUT', target: 'bucket', subresource: 'encryption', operation: putBucketEncryption },
  { method: 'DELETE', target: 'bucket', subresource: 'encryption', operation: deleteBucketEncryption },
  { method: 'PUT', target: 'object', header: 'x-amz-copy-source', operation: copyObject },
  { method: 'GET', target: 'object', accepts: ['versionId'], operation: getObject },
  { method: 'HEAD', target: 'object', accepts: ['versionId'], operation: headObject },
  { method: 'PUT', target: 'object', operation: putObject },
  { method: 'DELETE', target: 'object', accepts: ['versionId'], operation: deleteObject },
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

export function matchRoute(method: string, target: S3Target, query: URLSearchParams, headers: IncomingHttpHeaders = {}): S3Operation {
  const present = [...query.keys()].filter((name) => SUBRESOURCES.has(name));
  const candidates = ROUTES.filter(
    (r) => r.target === target.kind && r.method === method && (r.header === undefined || headers[r.header] !== undefined),
  );
  // Without a sub-resource, a method no route takes plainly is one S3 refuses (`POST /bucket/key`);
  // with one, it is an S3 operation this gateway lacks (`GET /bucket/key?torrent`).
  if (present.length === 0 && !candidates.some((r) => r.subresource === undefined)) throw new GatewayError('MethodNotAllowed');
  for (const route of candidates) {
    if (route.subresource === undefined) {
      if (present.every((name) => route.accepts?.includes(name))) return route.operation;
    } else if (query.has(route.subresource) && (route.value === undefined || query.get(route.subresource) === route.value)) {
      const required = route.with ?? [];
      if (!required.every((name) => query.has(name))) continue;
      if (present.every((name) => name === route.subresource || required.includes(name) || route.accepts?.includes(name))) return route.operation;
    }
  }
  throw new GatewayError('NotImplemented', `This gateway does not implement ${method} with ?${present.join('&?')} yet.`);
}
