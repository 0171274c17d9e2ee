// The query parameters AWS Signature Version 2 signs as part of the CanonicalizedResource: S3's
// sub-resources and the response-header overrides. The union of the lists in the S3 signing
// documentation, botocore's HmacV1Auth and Ceph RGW, so that whatever a client signs is signed
// here too; every other parameter (prefix, marker, max-keys, ...) is left out.
export const SIGNED_SUBRESOURCES: ReadonlySet<string> = new Set([
  'accelerate', 'acl', 'analytics', 'cors', 'defaultObjectAcl', 'delete', 'encryption', 'inventory',
  'legal-hold', 'lifecycle', 'location', 'logging', 'metrics', 'notification', 'object-lock',
  'partNumber', 'policy', 'policyStatus', 'publicAccessBlock', 'replication', 'requestPayment',
  'response-cache-control', 'response-content-disposition', 'response-content-encoding',
  'response-content-language', 'response-content-type', 'response-expires', 'restore', 'retention',
  'select', 'select-type', 'storageClass', 'tagging', 'torrent', 'uploadId', 'uploads', 'versionId',
  'versioning', 'versions', 'website',
]);
