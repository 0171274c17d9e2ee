#!/usr/bin/env bash
# Drives the Debian AWS CLI (/usr/bin/aws) against a running gateway: make a bucket, upload a
# 100 MiB file with `aws s3api put-object` (one PUT), list it, download it, compare the bytes,
# and clean up; then the same round trip for 200 MiB through `aws s3 cp` (multipart).
# Usage: GW_URL=http://127.0.0.1:8080 GW_ACCESS_KEY=... GW_SECRET_KEY=... awscli.sh
source "$(dirname "$0")/lib.sh"
AWS=${AWS_CLI:-/usr/bin/aws}
export AWS_ACCESS_KEY_ID=$GW_ACCESS_KEY AWS_SECRET_ACCESS_KEY=$GW_SECRET_KEY AWS_DEFAULT_REGION=$GW_REGION
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
unset AWS_CA_BUNDLE AWS_PROFILE
aws() { "$AWS" --endpoint-url "$GW_URL" "$@"; }
BUCKET=awscli-$(date +%s)-$$

echo "AWS CLI ($("$AWS" --version 2>&1)) against $GW_URL"
head -c $((100 * 1024 * 1024)) /dev/urandom >"$WORK/big.bin"
printf 'hello from the aws cli\n' >"$WORK/small.txt"

check "create bucket" aws s3api create-bucket --bucket "$BUCKET"
check "head bucket" aws s3api head-bucket --bucket "$BUCKET"
check "bucket is listed" bash -c "\"$AWS\" --endpoint-url \"$GW_URL\" s3api list-buckets --query 'Buckets[].Name' --output text | grep -qw \"$BUCKET\""
check "put-object 100 MiB in one PUT" aws s3api put-object --bucket "$BUCKET" --key data/big.bin --body "$WORK/big.bin"
check "put-object with metadata" aws s3api put-object --bucket "$BUCKET" --key data/small.txt --body "$WORK/small.txt" --content-type text/plain --metadata color=blue
check "head-object reports the size" bash -c "\"$AWS\" --endpoint-url \"$GW_URL\" s3api head-object --bucket \"$BUCKET\" --key data/big.bin --query ContentLength --output text | grep -qx $((100 * 1024 * 1024))"
check "head-object returns the metadata" bash -c "\"$AWS\" --endpoint-url \"$GW_URL\" s3api head-object --bucket \"$BUCKET\" --key data/small.txt --query Metadata.color --output text | grep -qx blue"
check "list-objects-v2 with a delimiter" bash -c "\"$AWS\" --endpoint-url \"$GW_URL\" s3api list-objects-v2 --bucket \"$BUCKET\" --delimiter / --query 'CommonPrefixes[].Prefix' --output text | grep -qx data/"
check "list-objects (v1) with a prefix" bash -c "\"$AWS\" --endpoint-url \"$GW_URL\" s3api list-objects --bucket \"$BUCKET\" --prefix data/ --query 'length(Contents)' --output text | grep -qx 2"
check "aws s3 ls" aws s3 ls "s3://$BUCKET/data/"
check "get-object 100 MiB" aws s3api get-object --bucket "$BUCKET" --key data/big.bin "$WORK/big.out"
check "downloaded bytes are identical" cmp "$WORK/big.bin" "$WORK/big.out"
check "ranged get-object" aws s3api get-object --bucket "$BUCKET" --key data/small.txt --range bytes=0-4 "$WORK/range.out"
check "ranged bytes are right" bash -c "[ \"\$(cat '$WORK/range.out')\" = hello ]"
check_fails "get-object of a missing key fails" aws s3api get-object --bucket "$BUCKET" --key nope "$WORK/nope"
check_fails "deleting a non-empty bucket fails" aws s3api delete-bucket --bucket "$BUCKET"
check "delete-object" aws s3api delete-object --bucket "$BUCKET" --key data/big.bin
check "delete-objects" aws s3api delete-objects --bucket "$BUCKET" --delete '{"Objects":[{"Key":"data/small.txt"}]}'
check "bucket is empty" bash -c "[ -z \"\$(\"$AWS\" --endpoint-url \"$GW_URL\" s3api list-objects-v2 --bucket \"$BUCKET\" --query 'Contents[].Key' --output text | grep -v None)\" ]"
check "delete bucket" aws s3api delete-bucket --bucket "$BUCKET"
check_fails "a wrong secret is refused" env AWS_SECRET_ACCESS_KEY=wrong-secret-key "$AWS" --endpoint-url "$GW_URL" s3api list-buckets

# Multipart: `aws s3 cp` splits a 200 MiB file into 8 MiB parts (the CLI default with no config
# file), and its ETag must be S3's md5-of-part-md5s with the part count.
MP_BUCKET=awscli-mp-$(date +%s)-$$
head -c $((200 * 1024 * 1024)) /dev/urandom >"$WORK/huge.bin"
check "create multipart bucket" aws s3api create-bucket --bucket "$MP_BUCKET"
check "aws s3 cp 200 MiB (multipart upload)" aws s3 cp --only-show-errors "$WORK/huge.bin" "s3://$MP_BUCKET/huge.bin"
check "multipart object has 25 parts in its ETag" bash -c "\"$AWS\" --endpoint-url \"$GW_URL\" s3api head-object --bucket \"$MP_BUCKET\" --key huge.bin --query ETag --output text | grep -q -- '-25\"\\?$'"
check "head-object reports 200 MiB" bash -c "\"$AWS\" --endpoint-url \"$GW_URL\" s3api head-object --bucket \"$MP_BUCKET\" --key huge.bin --query ContentLength --output text | grep -qx $((200 * 1024 * 1024))"
check "head-object part 2 is 8 MiB" bash -c "\"$AWS\" --endpoint-url \"$GW_URL\" s3api head-object --bucket \"$MP_BUCKET\" --key huge.bin --part-number 2 --query ContentLength --output text | grep -qx $((8 * 1024 * 1024))"
check "aws s3 cp download (ranged parallel GETs)" aws s3 cp --only-show-errors "s3://$MP_BUCKET/huge.bin" "$WORK/huge.out"
check "downloaded multipart bytes are identical" cmp "$WORK/huge.bin" "$WORK/huge.out"
rm -f "$WORK/huge.out"
check "create-multipart-upload" bash -c "\"$AWS\" --endpoint-url \"$GW_URL\" s3api create-multipart-upload --bucket \"$MP_BUCKET\" --key left --query UploadId --output text >\"$WORK/upload-id\""
check "list-multipart-uploads shows it" bash -c "\"$AWS\" --endpoint-url \"$GW_URL\" s3api list-multipart-uploads --bucket \"$MP_BUCKET\" --query 'Uploads[].UploadId' --output text | grep -qx \"\$(cat '$WORK/upload-id')\""
check_fails "a bucket with an upload in progress cannot be deleted" aws s3api delete-bucket --bucket "$MP_BUCKET"
check "abort-multipart-upload" bash -c "\"$AWS\" --endpoint-url \"$GW_URL\" s3api abort-multipart-upload --bucket \"$MP_BUCKET\" --key left --upload-id \"\$(cat '$WORK/upload-id')\""
check "delete the multipart object" aws s3 rm --only-show-errors "s3://$MP_BUCKET/huge.bin"
check "delete the multipart bucket" aws s3api delete-bucket --bucket "$MP_BUCKET"
summary
