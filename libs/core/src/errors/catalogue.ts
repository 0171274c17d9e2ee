// The one error catalogue of the gateway. Every failure a client can cause is one of these codes;
// each dialect maps a code to its own wire format (S3 XML, Swift text, JSON). The codes and
// statuses follow the S3 error table (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html),
// which the other dialects reuse by status.

export const ERROR_CATALOGUE = {
  // 400
  BadDigest: { status: 400, message: 'The Content-MD5 or checksum you specified did not match what we received.' },
  EntityTooSmall: { status: 400, message: 'Your proposed upload is smaller than the minimum allowed object size.' },
  EntityTooLarge: { status: 400, message: 'Your proposed upload exceeds the maximum allowed object size.' },
  IncompleteBody: { status: 400, message: 'You did not provide the number of bytes specified by the Content-Length HTTP header.' },
  InvalidArgument: { status: 400, message: 'Invalid Argument' },
  InvalidBucketName: { status: 400, message: 'The specified bucket is not valid.' },
  InvalidDigest: { status: 400, message: 'The Content-MD5 or checksum you specified is not valid.' },
  InvalidPart: { status: 400, message: 'One or more of the specified parts could not be found.' },
  InvalidPartOrder: { status: 400, message: 'The list of parts was not in ascending order.' },
  InvalidRequest: { status: 400, message: 'Invalid Request' },
  InvalidLocationConstraint: { status: 400, message: 'The specified location-constraint is not valid.' },
  InvalidURI: { status: 400, message: "Couldn't parse the specified URI." },
  InvalidStorageClass: { status: 400, message: 'The storage class you specified is not valid.' },
  KeyTooLongError: { status: 400, message: 'Your key is too long.' },
  MalformedXML: { status: 400, message: 'The XML you provided was not well-formed or did not validate against our published schema.' },
  MissingRequestBodyError: { status: 400, message: 'Request Body is empty' },
  InvalidTag: { status: 400, message: 'The tag provided was not a valid tag.' },
  BadRequest: { status: 400, message: 'Bad Request' },
  MalformedJSON: { status: 400, message: 'The JSON you provided was not well-formed or did not validate.' },
  MetadataTooLarge: { status: 400, message: 'Your metadata headers exceed the maximum allowed metadata size.' },
  MissingContentLength: { status: 411, message: 'You must provide the Content-Length HTTP header.' },
  TooManyBuckets: { status: 400, message: 'You have attempted to create more buckets than allowed.' },
  XAmzContentSHA256Mismatch: { status: 400, message: "The provided 'x-amz-content-sha256' header does not match what was computed." },
  AuthorizationHeaderMalformed: { status: 400, message: 'The authorization header is malformed.' },
  AuthorizationQueryParametersError: { status: 400, message: 'Error parsing the X-Amz-Credential parameter.' },
  InvalidToken: { status: 400, message: 'The provided token is malformed or otherwise invalid.' },
  ExpiredToken: { status: 400, message: 'The provided token has expired.' },
  InvalidEncryptionAlgorithmError: { status: 400, message: 'The encryption request you specified is not valid.' },
  MalformedACLError: { status: 400, message: 'The XML you provided was not well-formed or did not validate against our published schema.' },
  MissingSecurityHeader: { status: 400, message: 'Your request was missing a required header.' },
  UnresolvableGrantByEmailAddress: { status: 400, message: 'The email address you provided does not match any account on record.' },
  // Browser POST uploads (POST Object).
  MalformedPOSTRequest: { status: 400, message: 'The body of your POST request is not well-formed multipart/form-data.' },
  InvalidPolicyDocument: { status: 400, message: 'The content of the form does not meet the conditions specified in the policy document.' },
  MaxPostPreDataLengthExceededError: { status: 400, message: 'Your POST request fields preceding the upload file were too large.' },
  // STS (AssumeRoleWithWebIdentity) parameter errors, named as AWS STS names them.
  ValidationError: { status: 400, message: 'The input fails to satisfy the constraints specified by the service.' },
  InvalidParameterValue: { status: 400, message: 'An invalid or out-of-range value was supplied for the input parameter.' },
  InvalidAction: { status: 400, message: 'The action or operation requested is invalid.' },
  InvalidTargetBucketForLogging: { status: 400, message: 'The target bucket for logging does not exist, is not owned by you, or does not have the appropriate grants for the log-delivery group.' },
  // 401 / 403
  Unauthorized: { status: 401, message: 'Authentication required.' },
  AccessDenied: { status: 403, message: 'Access Denied' },
  AccountProblem: { status: 403, message: 'There is a problem with your account that prevents the operation from completing successfully.' },
  InvalidAccessKeyId: { status: 403, message: 'The AWS access key Id you provided does not exist in our records.' },
  SignatureDoesNotMatch: { status: 403, message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.' },
  RequestTimeTooSkewed: { status: 403, message: "The difference between the request time and the server's time is too large." },
  // A CORS preflight that no rule allows (S3's own code for it).
  AccessForbidden: { status: 403, message: "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec." },
  // 404
  NoSuchBucket: { status: 404, message: 'The specified bucket does not exist.' },
  NoSuchKey: { status: 404, message: 'The specified key does not exist.' },
  NoSuchUpload: { status: 404, message: 'The specified multipart upload does not exist.' },
  NoSuchVersion: { status: 404, message: 'The specified version does not exist.' },
  NoSuchAccount: { status: 404, message: 'The specified account does not exist.' },
  NoSuchUser: { status: 404, message: 'The specified user does not exist.' },
  NoSuchCredential: { status: 404, message: 'The specified credential does not exist.' },
  NoSuchLifecycleConfiguration: { status: 404, message: 'The lifecycle configuration does not exist' },
  NoSuchCORSConfiguration: { status: 404, message: 'The CORS configuration does not exist' },
  ServerSideEncryptionConfigurationNotFoundError: { status: 404, message: 'The server side encryption configuration was not found' },
  NotFound: { status: 404, message: 'Not Found' },
  // 405 / 409 / 411 / 412 / 416
  MethodNotAllowed: { status: 405, message: 'The specified method is not allowed against this resource.' },
  BucketAlreadyExists: { status: 409, message: 'The requested bucket name is not available.' },
  BucketAlreadyOwnedByYou: { status: 409, message: 'Your previous request to create the named bucket succeeded and you already own it.' },
  BucketNotEmpty: { status: 409, message: 'The bucket you tried to delete is not empty.' },
  InvalidBucketState: { status: 409, message: 'The request is not valid with the current state of the bucket.' },
  Conflict: { status: 409, message: 'The request conflicts with the current state of the resource.' },
  OperationAborted: { status: 409, message: 'A conflicting conditional operation is currently in progress against this resource.' },
  PreconditionFailed: { status: 412, message: 'At least one of the preconditions you specified did not hold.' },
  InvalidRange: { status: 416, message: 'The requested range is not satisfiable' },
  InvalidPartNumber: { status: 416, message: 'The requested partnumber is not satisfiable' },
  // 304 is not an error on the wire, but it ends a request the same way.
  NotModified: { status: 304, message: 'Not Modified' },
  // 5xx
  InternalError: { status: 500, message: 'We encountered an internal error. Please try again.' },
  NotImplemented: { status: 501, message: 'A header you provided implies functionality that is not implemented.' },
  ServiceUnavailable: { status: 503, message: 'Service is unable to handle request.' },
  SlowDown: { status: 503, message: 'Please reduce your request rate.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
