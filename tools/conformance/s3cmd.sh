#!/usr/bin/env bash
# Drives the Debian s3cmd (/usr/bin/s3cmd) against a running gateway, once with its default
# signature (SigV4) and once with --signature-v2: make a bucket, upload a small file and a
# 20 MiB one (over s3cmd's 15 MiB chunk size: a multipart upload), list, download and compare
# the bytes, delete, remove the bucket; a wrong secret must be refused either way.
# Usage: GW_URL=http://127.0.0.1:8080 GW_ACCESS_KEY=... GW_SECRET_KEY=... s3cmd.sh
source "$(dirname "$0")/lib.sh"
S3CMD=${S3CMD:-/usr/bin/s3cmd}
HOST=${GW_URL#*://}
HOST=${HOST%%/*}
case "$GW_URL" in https://*) HTTPS=True ;; *) HTTPS=False ;; esac

# Its own config file: path-style addressing (host_bucket without %(bucket)s), no MIME guessing.
cat >"$WORK/s3cfg" <<CFG
[default]
access_key = $GW_ACCESS_KEY
secret_key = $GW_SECRET_KEY
host_base = $HOST
host_bucket = $HOST
use_https = $HTTPS
check_ssl_certificate = False
bucket_location = $GW_REGION
guess_mime_type = False
progress_meter = False
CFG
s3() { "$S3CMD" -c "$WORK/s3cfg" "$@"; }

echo "s3cmd ($("$S3CMD" --version 2>&1)) against $GW_URL"
printf 'hello from s3cmd\n' >"$WORK/small.txt"
head -c $((20 * 1024 * 1024)) /dev/urandom >"$WORK/big.bin"

round() {
  local label=$1
  shift
  local bucket="s3cmd-$label-$(date +%s)-$$"
  echo "-- $label"
  check "$label: mb" s3 "$@" mb "s3://$bucket"
  check "$label: put a small file" s3 "$@" put "$WORK/small.txt" "s3://$bucket/dir/small.txt"
  check "$label: put 20 MiB (multipart)" s3 "$@" put "$WORK/big.bin" "s3://$bucket/big.bin"
  check "$label: ls lists both" bash -c "\"$S3CMD\" -c \"$WORK/s3cfg\" $* ls -r \"s3://$bucket\" | grep -c 's3://' | grep -qx 2"
  check "$label: ls shows the bucket" bash -c "\"$S3CMD\" -c \"$WORK/s3cfg\" $* ls | grep -q \"s3://$bucket\""
  check "$label: get the small file" s3 "$@" get --force "s3://$bucket/dir/small.txt" "$WORK/small.out"
  check "$label: small bytes are identical" cmp "$WORK/small.txt" "$WORK/small.out"
  check "$label: get 20 MiB" s3 "$@" get --force "s3://$bucket/big.bin" "$WORK/big.out"
  check "$label: big bytes are identical" cmp "$WORK/big.bin" "$WORK/big.out"
  check_fails "$label: rb of a non-empty bucket fails" s3 "$@" rb "s3://$bucket"
  check "$label: del" s3 "$@" del "s3://$bucket/dir/small.txt" "s3://$bucket/big.bin"
  check "$label: bucket is empty" bash -c "[ -z \"\$(\"$S3CMD\" -c \"$WORK/s3cfg\" $* ls -r \"s3://$bucket\")\" ]"
  check "$label: rb" s3 "$@" rb "s3://$bucket"
  check_fails "$label: a wrong secret is refused" s3 "$@" --secret_key=wrong-secret-key ls
  rm -f "$WORK/small.out" "$WORK/big.out"
}

round sigv4
round sigv2 --signature-v2
summary
