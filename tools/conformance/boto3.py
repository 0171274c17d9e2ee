# Drives Debian's boto3 (run with /usr/bin/python3: a pyenv python without boto3 comes first on
# PATH here) against a running gateway and checks what comes back, byte for byte: buckets, objects,
# the transfer manager's multipart upload and ranged download of 50 MiB, the ListObjectsV2
# paginator with a delimiter, CopyObject, tagging, versioning, canned bucket ACLs, a presigned GET
# fetched without boto3, and S3's error codes. A last, separate block drives lifecycle, CORS and
# bucket encryption (built by other parts of the issue): those checks run and count like the
# others, never skipped, so a gateway without them fails the run.
# Usage: GW_URL=http://127.0.0.1:8080 GW_ACCESS_KEY=... GW_SECRET_KEY=... /usr/bin/python3 boto3.py
import hashlib
import os
import shutil
import sys
import tempfile
import time
import traceback
import urllib.request

# This file is named boto3.py: drop its own directory from the path so that `import boto3` finds
# the library, not this script.
sys.path = [entry for entry in sys.path if os.path.abspath(entry or '.') != os.path.dirname(os.path.abspath(__file__))]
import boto3
import botocore
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import ClientError

MiB = 1024 * 1024
ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers'

passed = 0
failed = 0


def check(name, condition):
    """Runs `condition` (a callable); passes when it returns a truthy value without raising."""
    global passed, failed
    try:
        result = condition()
    except Exception as error:  # any failure of the client or of the comparison is a failed check
        result = False
        detail = ''.join(traceback.format_exception_only(type(error), error)).strip()
    else:
        detail = '' if result else f'returned {result!r}'
    if result:
        passed += 1
        print(f'  ok    {name}', flush=True)
    else:
        failed += 1
        print(f'  FAIL  {name}', flush=True)
        for line in detail.splitlines()[-20:]:
            print(f'        {line}', flush=True)
    return result


def error_code(call):
    """The S3 error code a call fails with (None when it succeeds)."""
    try:
        call()
    except ClientError as error:
        return error.response.get('Error', {}).get('Code')
    return None


def same(actual, expected):
    """An equality check that says what it got when it fails."""
    if actual != expected:
        raise AssertionError(f'got {actual!r}, expected {expected!r}')
    return True


def contains(actual, part):
    if part not in (actual or ''):
        raise AssertionError(f'got {actual!r}, expected it to contain {part!r}')
    return True


def fails_with(call, code):
    return same(error_code(call), code)


def md5_of_file(path):
    digest = hashlib.md5()
    with open(path, 'rb') as source:
        for chunk in iter(lambda: source.read(MiB), b''):
            digest.update(chunk)
    return digest.hexdigest()


def empty_and_delete(s3, bucket):
    """Removes every version, delete marker and upload, then the bucket; cleanup never fails the run."""
    try:
        for page in s3.get_paginator('list_object_versions').paginate(Bucket=bucket):
            for entry in page.get('Versions', []) + page.get('DeleteMarkers', []):
                s3.delete_object(Bucket=bucket, Key=entry['Key'], VersionId=entry['VersionId'])
        for upload in s3.list_multipart_uploads(Bucket=bucket).get('Uploads', []):
            s3.abort_multipart_upload(Bucket=bucket, Key=upload['Key'], UploadId=upload['UploadId'])
        s3.delete_bucket(Bucket=bucket)
    except Exception as error:
        print(f'        (cleanup of {bucket}: {error})')


def main():
    url, access_key, secret_key = (os.environ[name] for name in ('GW_URL', 'GW_ACCESS_KEY', 'GW_SECRET_KEY'))
    region = os.environ.get('GW_REGION', 'kr-central-2')
    # Path style and SigV4, as against any S3-compatible endpoint without virtual-host DNS.
    config = Config(signature_version='s3v4', s3={'addressing_style': 'path'}, retries={'max_attempts': 1})
    s3 = boto3.client('s3', endpoint_url=url, region_name=region, aws_access_key_id=access_key,
                      aws_secret_access_key=secret_key, config=config)
    print(f'boto3 {boto3.__version__} (botocore {botocore.__version__}) against {url}')
    stamp = f'{int(time.time())}-{os.getpid()}'
    bucket, versioned, features = f'boto3-{stamp}', f'boto3-ver-{stamp}', f'boto3-feat-{stamp}'
    work = tempfile.mkdtemp(prefix='boto3-conformance-')
    try:
        basics(s3, bucket, work)
        versioning(s3, versioned)
        print('-- lifecycle, CORS and bucket encryption (counted like every check, never skipped)')
        pending_features(s3, features)
    finally:
        for name in (bucket, versioned, features):
            if bucket_exists(s3, name):
                empty_and_delete(s3, name)
        shutil.rmtree(work, ignore_errors=True)
    print(f'{passed} passed, {failed} failed')
    return 0 if failed == 0 else 1


def bucket_exists(s3, bucket):
    try:
        s3.head_bucket(Bucket=bucket)
        return True
    except ClientError:
        return False


def basics(s3, bucket, work):
    check('create_bucket', lambda: s3.create_bucket(Bucket=bucket))
    check('head_bucket', lambda: s3.head_bucket(Bucket=bucket))
    check('list_buckets shows it', lambda: bucket in [b['Name'] for b in s3.list_buckets()['Buckets']])

    body = os.urandom(100_000)
    check('put_object', lambda: s3.put_object(Bucket=bucket, Key='docs/a.bin', Body=body, ContentType='application/x-test',
                                              Metadata={'color': 'blue'}))
    check('get_object returns the same bytes', lambda: s3.get_object(Bucket=bucket, Key='docs/a.bin')['Body'].read() == body)
    check('ranged get_object', lambda: s3.get_object(Bucket=bucket, Key='docs/a.bin', Range='bytes=10-19')['Body'].read() == body[10:20])
    head = {}
    check('head_object', lambda: head.update(s3.head_object(Bucket=bucket, Key='docs/a.bin')) or True)
    check('head_object: length, type, metadata, ETag = MD5',
          lambda: same((head.get('ContentLength'), head.get('ContentType'), head.get('Metadata'), head.get('ETag')),
                       (len(body), 'application/x-test', {'color': 'blue'}, f'"{hashlib.md5(body).hexdigest()}"')))

    # The transfer manager: 50 MiB in 8 MiB parts up (7 parts, concurrent), ranged GETs down.
    source, target = os.path.join(work, 'big.bin'), os.path.join(work, 'big.out')
    with open(source, 'wb') as out:
        for _ in range(50):
            out.write(os.urandom(MiB))
    transfer = TransferConfig(multipart_threshold=8 * MiB, multipart_chunksize=8 * MiB, max_concurrency=4)
    check('upload_file 50 MiB (multipart)', lambda: s3.upload_file(source, bucket, 'big/file.bin', Config=transfer) or True)
    check('multipart ETag ends in -7', lambda: s3.head_object(Bucket=bucket, Key='big/file.bin')['ETag'].endswith('-7"'))
    check('download_file 50 MiB (ranged GETs)', lambda: s3.download_file(bucket, 'big/file.bin', target, Config=transfer) or True)
    check('downloaded bytes are identical', lambda: os.path.exists(target) and md5_of_file(target) == md5_of_file(source))
    for path in (source, target):
        if os.path.exists(path):
            os.remove(path)

    # 5 prefixes x 4 keys + 3 top-level keys, listed 3 keys per page: the paginator must follow
    # continuation tokens and fold the prefixes without repeating or losing any.
    keys = [f'tree/p{p}/k{k}' for p in range(5) for k in range(4)] + [f'tree/top{t}' for t in range(3)]
    check('put 23 small objects', lambda: all(s3.put_object(Bucket=bucket, Key=key, Body=key.encode()) for key in keys))
    prefixes, contents, pages = [], [], 0
    def paginate():
        nonlocal pages
        for page in s3.get_paginator('list_objects_v2').paginate(Bucket=bucket, Prefix='tree/', Delimiter='/',
                                                                   PaginationConfig={'PageSize': 3}):
            pages += 1
            prefixes.extend(p['Prefix'] for p in page.get('CommonPrefixes', []))
            contents.extend(o['Key'] for o in page.get('Contents', []))
        return True
    check('list_objects_v2 paginator with a delimiter, 3 keys a page', paginate)
    check('... finds the 5 prefixes and 3 keys once each, over 3 pages',
          lambda: same((sorted(prefixes), sorted(contents), pages),
                       ([f'tree/p{p}/' for p in range(5)], [f'tree/top{t}' for t in range(3)], 3)))
    flat = []
    check('list_objects_v2 paginator without a delimiter',
          lambda: [flat.extend(o['Key'] for o in page.get('Contents', []))
                   for page in s3.get_paginator('list_objects_v2').paginate(Bucket=bucket, Prefix='tree/', PaginationConfig={'PageSize': 7})]
          is not None and same(sorted(flat), sorted(keys)))

    check('copy_object', lambda: s3.copy_object(Bucket=bucket, Key='copies/a.bin', CopySource={'Bucket': bucket, 'Key': 'docs/a.bin'}))
    check('the copy has the bytes and the metadata',
          lambda: (lambda r: r['Body'].read() == body and r['Metadata'] == {'color': 'blue'})(s3.get_object(Bucket=bucket, Key='copies/a.bin')))
    check('copy_object with MetadataDirective=REPLACE',
          lambda: s3.copy_object(Bucket=bucket, Key='copies/a.bin', CopySource={'Bucket': bucket, 'Key': 'copies/a.bin'},
                                 MetadataDirective='REPLACE', Metadata={'color': 'red'}))
    check('... replaced the metadata', lambda: same(s3.head_object(Bucket=bucket, Key='copies/a.bin')['Metadata'], {'color': 'red'}))

    tags = [{'Key': 'project', 'Value': 'gateway'}, {'Key': 'stage', 'Value': 'conformance'}]
    check('put_object_tagging', lambda: s3.put_object_tagging(Bucket=bucket, Key='docs/a.bin', Tagging={'TagSet': tags}))
    check('get_object_tagging returns the tags',
          lambda: same(sorted(s3.get_object_tagging(Bucket=bucket, Key='docs/a.bin')['TagSet'], key=lambda t: t['Key']), tags))
    check('put_object with Tagging', lambda: s3.put_object(Bucket=bucket, Key='docs/tagged', Body=b'x', Tagging='a=1&b=2'))
    check('get_object reports TagCount 2', lambda: same(s3.get_object(Bucket=bucket, Key='docs/tagged')['TagCount'], 2))
    check('delete_object_tagging', lambda: s3.delete_object_tagging(Bucket=bucket, Key='docs/a.bin'))
    check('... leaves no tags', lambda: same(s3.get_object_tagging(Bucket=bucket, Key='docs/a.bin')['TagSet'], []))

    check('put_bucket_acl public-read', lambda: s3.put_bucket_acl(Bucket=bucket, ACL='public-read'))
    check('get_bucket_acl: owner FULL_CONTROL and AllUsers READ',
          lambda: same(sorted((g['Grantee'].get('URI', 'owner'), g['Permission']) for g in s3.get_bucket_acl(Bucket=bucket)['Grants']),
                       [(ALL_USERS, 'READ'), ('owner', 'FULL_CONTROL')]))
    check('put_bucket_acl private', lambda: s3.put_bucket_acl(Bucket=bucket, ACL='private'))
    check('get_bucket_acl: owner only', lambda: same([g['Permission'] for g in s3.get_bucket_acl(Bucket=bucket)['Grants']], ['FULL_CONTROL']))

    # The presigned URL carries the whole signature in its query string: fetched by plain urllib.
    presigned = s3.generate_presigned_url('get_object', Params={'Bucket': bucket, 'Key': 'docs/a.bin'}, ExpiresIn=300)
    check('presigned GET fetched with urllib', lambda: urllib.request.urlopen(presigned, timeout=30).read() == body)
    tampered = presigned.replace('docs/a.bin', 'copies/a.bin')
    check('a presigned URL for another key is refused (403)', lambda: same(http_status(tampered), 403))

    check('NoSuchKey', lambda: fails_with(lambda: s3.get_object(Bucket=bucket, Key='missing'), 'NoSuchKey'))
    check('NoSuchBucket', lambda: fails_with(lambda: s3.list_objects_v2(Bucket=f'{bucket}-missing'), 'NoSuchBucket'))
    check('BucketNotEmpty', lambda: fails_with(lambda: s3.delete_bucket(Bucket=bucket), 'BucketNotEmpty'))
    check('head_object of a missing key: 404', lambda: fails_with(lambda: s3.head_object(Bucket=bucket, Key='missing'), '404'))

    check('delete_object', lambda: s3.delete_object(Bucket=bucket, Key='docs/a.bin'))
    check('... then it is gone', lambda: fails_with(lambda: s3.head_object(Bucket=bucket, Key='docs/a.bin'), '404'))
    remaining = lambda: [o['Key'] for page in s3.get_paginator('list_objects_v2').paginate(Bucket=bucket) for o in page.get('Contents', [])]
    check('delete_objects of the rest', lambda: all(
        not s3.delete_objects(Bucket=bucket, Delete={'Objects': [{'Key': key} for key in batch]}).get('Errors')
        for batch in [remaining()]))
    check('the bucket is empty', lambda: same(remaining(), []))
    check('delete_bucket', lambda: s3.delete_bucket(Bucket=bucket))
    check('... then head_bucket is 404', lambda: fails_with(lambda: s3.head_bucket(Bucket=bucket), '404'))


def http_status(url):
    try:
        return urllib.request.urlopen(url, timeout=30).status
    except urllib.error.HTTPError as error:
        return error.code


def versioning(s3, bucket):
    check('create the versioned bucket', lambda: s3.create_bucket(Bucket=bucket))
    check('put_bucket_versioning Enabled', lambda: s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={'Status': 'Enabled'}))
    check('get_bucket_versioning is Enabled', lambda: same(s3.get_bucket_versioning(Bucket=bucket).get('Status'), 'Enabled'))
    ids = []
    check('two puts of one key get two version ids',
          lambda: ids.extend(s3.put_object(Bucket=bucket, Key='doc', Body=body)['VersionId'] for body in (b'first', b'second'))
          or (len(set(ids)) == 2 and 'null' not in ids))
    check('list_object_versions lists both, the second as latest',
          lambda: same([(v['VersionId'], v['IsLatest']) for v in s3.list_object_versions(Bucket=bucket, Prefix='doc')['Versions']],
                       [(ids[1], True), (ids[0], False)]))
    check('get_object by VersionId returns the first bytes',
          lambda: same(s3.get_object(Bucket=bucket, Key='doc', VersionId=ids[0])['Body'].read(), b'first'))
    check('get_object without VersionId returns the latest', lambda: same(s3.get_object(Bucket=bucket, Key='doc')['Body'].read(), b'second'))
    marker = {}
    check('delete_object creates a delete marker', lambda: marker.update(s3.delete_object(Bucket=bucket, Key='doc')) or marker.get('DeleteMarker') is True)
    check('... and get_object is NoSuchKey', lambda: fails_with(lambda: s3.get_object(Bucket=bucket, Key='doc'), 'NoSuchKey'))
    check('list_object_versions shows the marker as latest',
          lambda: same([(m['VersionId'], m['IsLatest']) for m in s3.list_object_versions(Bucket=bucket, Prefix='doc').get('DeleteMarkers', [])],
                       [(marker.get('VersionId'), True)]))
    check('the old versions are still readable', lambda: same(s3.get_object(Bucket=bucket, Key='doc', VersionId=ids[1])['Body'].read(), b'second'))
    check('deleting the marker by VersionId restores the object',
          lambda: s3.delete_object(Bucket=bucket, Key='doc', VersionId=marker['VersionId'])
          and same(s3.get_object(Bucket=bucket, Key='doc')['Body'].read(), b'second'))
    check('put_bucket_versioning Suspended', lambda: s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={'Status': 'Suspended'}))
    check('a put while suspended gets the null version', lambda: same(s3.put_object(Bucket=bucket, Key='doc', Body=b'third').get('VersionId', 'null'), 'null'))


def pending_features(s3, bucket):
    """Lifecycle, CORS and bucket encryption: other parts of this issue; counted like every check."""
    check('create the features bucket', lambda: s3.create_bucket(Bucket=bucket))
    rules = [{'ID': 'expire-logs', 'Status': 'Enabled', 'Filter': {'Prefix': 'logs/'}, 'Expiration': {'Days': 30}},
             {'ID': 'abort-uploads', 'Status': 'Enabled', 'Filter': {'Prefix': ''}, 'AbortIncompleteMultipartUpload': {'DaysAfterInitiation': 7}}]
    check('put_bucket_lifecycle_configuration', lambda: s3.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration={'Rules': rules}))
    check('get_bucket_lifecycle_configuration returns the rules',
          lambda: same(sorted(r['ID'] for r in s3.get_bucket_lifecycle_configuration(Bucket=bucket)['Rules']), ['abort-uploads', 'expire-logs']))
    check('put_object under an expiring prefix', lambda: s3.put_object(Bucket=bucket, Key='logs/1', Body=b'l'))
    check('get_object reports the expiration (x-amz-expiration)',
          lambda: contains(s3.get_object(Bucket=bucket, Key='logs/1').get('Expiration'), 'rule-id="expire-logs"'))
    check('head_object reports the expiration', lambda: contains(s3.head_object(Bucket=bucket, Key='logs/1').get('Expiration'), 'rule-id="expire-logs"'))
    check('delete_bucket_lifecycle', lambda: s3.delete_bucket_lifecycle(Bucket=bucket))
    check('... then NoSuchLifecycleConfiguration',
          lambda: fails_with(lambda: s3.get_bucket_lifecycle_configuration(Bucket=bucket), 'NoSuchLifecycleConfiguration'))

    cors = {'CORSRules': [{'AllowedOrigins': ['https://example.com'], 'AllowedMethods': ['GET', 'PUT'], 'AllowedHeaders': ['*'],
                           'ExposeHeaders': ['ETag'], 'MaxAgeSeconds': 600}]}
    check('put_bucket_cors', lambda: s3.put_bucket_cors(Bucket=bucket, CORSConfiguration=cors))
    check('get_bucket_cors returns the rule',
          lambda: same((lambda r: (r['AllowedOrigins'], sorted(r['AllowedMethods']), r.get('MaxAgeSeconds')))(s3.get_bucket_cors(Bucket=bucket)['CORSRules'][0]),
                       (['https://example.com'], ['GET', 'PUT'], 600)))
    check('delete_bucket_cors', lambda: s3.delete_bucket_cors(Bucket=bucket))
    check('... then NoSuchCORSConfiguration', lambda: fails_with(lambda: s3.get_bucket_cors(Bucket=bucket), 'NoSuchCORSConfiguration'))

    # The spec accepts PutBucketEncryption only on an empty bucket: the lifecycle object goes first.
    check('empty the features bucket', lambda: s3.delete_object(Bucket=bucket, Key='logs/1'))
    check('get_bucket_encryption before any: ServerSideEncryptionConfigurationNotFoundError',
          lambda: fails_with(lambda: s3.get_bucket_encryption(Bucket=bucket), 'ServerSideEncryptionConfigurationNotFoundError'))
    sse = {'Rules': [{'ApplyServerSideEncryptionByDefault': {'SSEAlgorithm': 'AES256'}}]}
    check('put_bucket_encryption AES256', lambda: s3.put_bucket_encryption(Bucket=bucket, ServerSideEncryptionConfiguration=sse))
    check('get_bucket_encryption returns AES256',
          lambda: same(s3.get_bucket_encryption(Bucket=bucket)['ServerSideEncryptionConfiguration']['Rules'][0]
                       ['ApplyServerSideEncryptionByDefault']['SSEAlgorithm'], 'AES256'))
    secret = os.urandom(3 * MiB + 17)
    check('put_object into the encrypted bucket reports AES256',
          lambda: same(s3.put_object(Bucket=bucket, Key='secret', Body=secret).get('ServerSideEncryption'), 'AES256'))
    check('get_object decrypts the bytes', lambda: s3.get_object(Bucket=bucket, Key='secret')['Body'].read() == secret)
    check('a ranged get_object decrypts the range',
          lambda: s3.get_object(Bucket=bucket, Key='secret', Range=f'bytes={MiB + 5}-{2 * MiB + 9}')['Body'].read() == secret[MiB + 5:2 * MiB + 10])
    check('delete_bucket_encryption',
          lambda: s3.delete_object(Bucket=bucket, Key='secret') and s3.delete_bucket_encryption(Bucket=bucket))
    check('... then ServerSideEncryptionConfigurationNotFoundError',
          lambda: fails_with(lambda: s3.get_bucket_encryption(Bucket=bucket), 'ServerSideEncryptionConfigurationNotFoundError'))


if __name__ == '__main__':
    sys.exit(main())
