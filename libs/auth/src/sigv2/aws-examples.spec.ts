// The examples of "Signing and authenticating REST requests" (AWS Signature Version 2) in the
// S3 documentation, with its example key pair: each string to sign and signature as published.
import { parseSigV2 } from './parse-sigv2';
import { signatureV2 } from './signature-v2';
import { stringToSignV2 } from './string-to-sign';
import type { SigV2Request } from './types';
import { verifySigV2 } from './verify-sigv2';

const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

interface Example {
  name: string;
  request: Omit<SigV2Request, 'headers'> & { rawHeaders: string[] };
  stringToSign: string;
  signature: string;
}

const headersOf = (raw: string[]): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    headers[name] = headers[name] === undefined ? raw[i + 1] : `${headers[name]}, ${raw[i + 1]}`;
  }
  return headers;
};

const EXAMPLES: Example[] = [
  {
    name: 'Object GET (virtual-host style)',
    request: { method: 'GET', rawPath: '/photos/puppy.jpg', rawQuery: '', hostBucket: 'awsexamplebucket1', rawHeaders: ['Host', 'awsexamplebucket1.us-west-1.s3.amazonaws.com', 'Date', 'Tue, 27 Mar 2007 19:36:42 +0000'] },
    stringToSign: 'GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/awsexamplebucket1/photos/puppy.jpg',
    signature: 'qgk2+6Sv9/oM7G3qLEjTH1a1l1g=',
  },
  {
    name: 'Object GET (the johnsmith edition of the page)',
    request: { method: 'GET', rawPath: '/photos/puppy.jpg', rawQuery: '', hostBucket: 'johnsmith', rawHeaders: ['Host', 'johnsmith.s3.amazonaws.com', 'Date', 'Tue, 27 Mar 2007 19:36:42 +0000'] },
    stringToSign: 'GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/johnsmith/photos/puppy.jpg',
    signature: 'bWq2s1WEIj+Ydj0vQ697zp+IXMU=',
  },
  {
    name: 'Object PUT',
    request: {
      method: 'PUT',
      rawPath: '/photos/puppy.jpg',
      rawQuery: '',
      hostBucket: 'johnsmith',
      rawHeaders: ['Content-Type', 'image/jpeg', 'Content-Length', '94328', 'Host', 'johnsmith.s3.amazonaws.com', 'Date', 'Tue, 27 Mar 2007 21:15:45 +0000'],
    },
    stringToSign: 'PUT\n\nimage/jpeg\nTue, 27 Mar 2007 21:15:45 +0000\n/johnsmith/photos/puppy.jpg',
    signature: 'MyyxeRY7whkBe+bq8fHCL/2kKUg=',
  },
  {
    name: 'List (query parameters that are not sub-resources are not signed)',
    request: {
      method: 'GET',
      rawPath: '/',
      rawQuery: 'prefix=photos&max-keys=50&marker=puppy',
      hostBucket: 'johnsmith',
      rawHeaders: ['User-Agent', 'Mozilla/5.0', 'Host', 'johnsmith.s3.amazonaws.com', 'Date', 'Tue, 27 Mar 2007 19:42:41 +0000'],
    },
    stringToSign: 'GET\n\n\nTue, 27 Mar 2007 19:42:41 +0000\n/johnsmith/',
    signature: 'htDYFYduRNen8P9ZfE/s9SuKy0U=',
  },
  {
    name: 'Fetch (the ?acl sub-resource)',
    request: { method: 'GET', rawPath: '/', rawQuery: 'acl', hostBucket: 'johnsmith', rawHeaders: ['Host', 'johnsmith.s3.amazonaws.com', 'Date', 'Tue, 27 Mar 2007 19:44:46 +0000'] },
    stringToSign: 'GET\n\n\nTue, 27 Mar 2007 19:44:46 +0000\n/johnsmith/?acl',
    signature: 'c2WLPFtWHVgbEmeEG93a4cG37dM=',
  },
  {
    name: 'Delete (path style)',
    request: { method: 'DELETE', rawPath: '/johnsmith/photos/puppy.jpg', rawQuery: '', rawHeaders: ['User-Agent', 'dotnet', 'Host', 's3.amazonaws.com', 'Date', 'Tue, 27 Mar 2007 21:20:26 +0000'] },
    stringToSign: 'DELETE\n\n\nTue, 27 Mar 2007 21:20:26 +0000\n/johnsmith/photos/puppy.jpg',
    signature: 'lx3byBScXR6KzyMaifNkardMwNk=',
  },
  {
    name: 'Upload (CNAME bucket, x-amz-* headers sorted, a repeated header joined with a comma)',
    request: {
      method: 'PUT',
      rawPath: '/db-backup.dat.gz',
      rawQuery: '',
      hostBucket: 'static.johnsmith.net',
      rawHeaders: [
        'User-Agent', 'curl/7.15.5',
        'Host', 'static.johnsmith.net:8080',
        'Date', 'Tue, 27 Mar 2007 21:06:08 +0000',
        'x-amz-acl', 'public-read',
        'content-type', 'application/x-download',
        'Content-MD5', '4gJE4saaMU4BqNR0kLY+lw==',
        'X-Amz-Meta-ReviewedBy', 'joe@johnsmith.net',
        'X-Amz-Meta-ReviewedBy', 'jane@johnsmith.net',
        'X-Amz-Meta-FileChecksum', '0x02661779',
        'X-Amz-Meta-ChecksumAlgorithm', 'crc32',
        'Content-Disposition', 'attachment; filename=database.dat',
        'Content-Encoding', 'gzip',
        'Content-Length', '5913339',
      ],
    },
    stringToSign:
      'PUT\n4gJE4saaMU4BqNR0kLY+lw==\napplication/x-download\nTue, 27 Mar 2007 21:06:08 +0000\n' +
      'x-amz-acl:public-read\nx-amz-meta-checksumalgorithm:crc32\nx-amz-meta-filechecksum:0x02661779\n' +
      'x-amz-meta-reviewedby:joe@johnsmith.net,jane@johnsmith.net\n/static.johnsmith.net/db-backup.dat.gz',
    signature: 'ilyl83RwaSoYIEdixDQcA4OnAnc=',
  },
  {
    name: 'List all my buckets',
    request: { method: 'GET', rawPath: '/', rawQuery: '', rawHeaders: ['Host', 's3.amazonaws.com', 'Date', 'Wed, 28 Mar 2007 01:29:59 +0000'] },
    stringToSign: 'GET\n\n\nWed, 28 Mar 2007 01:29:59 +0000\n/',
    signature: 'qGdzdERIC03wnaRNKh6OqZehG9s=',
  },
  {
    name: 'Unicode keys (the path is signed as sent, escapes and their case kept)',
    request: { method: 'GET', rawPath: '/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re', rawQuery: '', rawHeaders: ['Host', 's3.amazonaws.com', 'Date', 'Wed, 28 Mar 2007 01:49:49 +0000'] },
    stringToSign: 'GET\n\n\nWed, 28 Mar 2007 01:49:49 +0000\n/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re',
    signature: 'DNEZGsoieTZ92F3bUfSPQcbGmlM=',
  },
];

describe('SigV2: the S3 documentation examples', () => {
  it.each(EXAMPLES)('$name', ({ request, stringToSign, signature }) => {
    const req: SigV2Request = { ...request, headers: headersOf(request.rawHeaders) };
    const date = req.headers.date as string;
    expect(stringToSignV2(req, date)).toBe(stringToSign);
    expect(signatureV2(SECRET, stringToSign)).toBe(signature);

    // And the whole server path: the request as sent, with its Authorization header, verifies at its time.
    const signed: SigV2Request = { ...req, headers: { ...req.headers, authorization: `AWS ${ACCESS_KEY}:${signature}` } };
    const parsed = parseSigV2(signed, new Date(Date.parse(date) + 60_000));
    expect(parsed).toMatchObject({ accessKeyId: ACCESS_KEY, signature, presigned: false, dateElement: date });
    expect(() => verifySigV2(signed, parsed!, SECRET)).not.toThrow();
    expect(() => verifySigV2(signed, parsed!, SECRET.replace('K7', 'K8'))).toThrow(expect.objectContaining({ code: 'SignatureDoesNotMatch' }));
  });

  it('Query string request authentication: the published URL verifies until it expires', () => {
    const req: SigV2Request = {
      method: 'GET',
      rawPath: '/photos/puppy.jpg',
      rawQuery: 'AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D&Expires=1175139620',
      headers: { host: 'johnsmith.s3.amazonaws.com' },
      hostBucket: 'johnsmith',
    };
    const before = new Date(1175139620 * 1000 - 1000);
    const parsed = parseSigV2(req, before)!;
    expect(parsed).toMatchObject({ accessKeyId: ACCESS_KEY, signature: 'NpgCjnDzrM+WFzoENXmpNDUsSn8=', presigned: true, dateElement: '1175139620' });
    expect(stringToSignV2(req, parsed.dateElement)).toBe('GET\n\n\n1175139620\n/johnsmith/photos/puppy.jpg');
    expect(() => verifySigV2(req, parsed, SECRET)).not.toThrow();
    expect(() => parseSigV2(req, new Date(1175139620 * 1000 + 1000))).toThrow(expect.objectContaining({ code: 'AccessDenied', message: 'Request has expired' }));
  });
});
