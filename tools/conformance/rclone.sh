#!/usr/bin/env bash
# Drives Debian's rclone (/usr/bin/rclone) against a running gateway with a config this script
# writes: copy a tree of nested folders, small files, odd names and one 120 MiB file (multipart:
# the upload cutoff is lowered to 64 MiB, parts of 16 MiB), check sizes and hashes, check the bytes,
# sync after local changes, download it back and diff, then server-side copy, delete and purge.
# Usage: GW_URL=http://127.0.0.1:8080 GW_ACCESS_KEY=... GW_SECRET_KEY=... rclone.sh
source "$(dirname "$0")/lib.sh"
RCLONE=${RCLONE:-/usr/bin/rclone}
# This environment's AWS_CA_BUNDLE makes rclone fail on every request, even over plain http.
unset AWS_CA_BUNDLE AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN

cat >"$WORK/rclone.conf" <<EOF
[gw]
type = s3
provider = Other
access_key_id = $GW_ACCESS_KEY
secret_access_key = $GW_SECRET_KEY
endpoint = $GW_URL
region = $GW_REGION
force_path_style = true
upload_cutoff = 64Mi
chunk_size = 16Mi
upload_concurrency = 4
EOF
rc() { "$RCLONE" --config "$WORK/rclone.conf" --retries 1 --low-level-retries 1 "$@"; }
BUCKET=rclone-$(date +%s)-$$
REMOTE=gw:$BUCKET
count_files() { rc ls "$1" | wc -l; }
names() { rc lsf "$1" | sort | paste -sd' '; }
folders() { rc lsd "$1" | awk '{print $NF}' | sort | paste -sd' '; }
remote_md5() { rc md5sum "$1" | cut -d' ' -f1; }

echo "rclone ($("$RCLONE" version | head -1)) against $GW_URL"
SRC=$WORK/src
mkdir -p "$SRC/a" "$SRC/b/c/d" "$SRC/e" "$SRC/big" "$SRC/names"
for i in $(seq 1 12); do head -c $((RANDOM % 65536 + 1)) /dev/urandom >"$SRC/a/file-$i.bin"; done
for i in $(seq 1 5); do printf 'deep %s\n' "$i" >"$SRC/b/c/d/deep-$i.txt"; done
printf 'top level\n' >"$SRC/b/top.txt"
printf 'removed later\n' >"$SRC/e/gone.txt"
: >"$SRC/e/empty"
printf 'spaces and unicode\n' >"$SRC/names/a file with spaces.txt"
printf 'unicode\n' >"$SRC/names/한글-파일.txt"
printf 'plus and percent\n' >"$SRC/names/a+b=c%20d.txt"
head -c $((120 * 1024 * 1024)) /dev/urandom >"$SRC/big/huge.bin"
FILES=$(find "$SRC" -type f | wc -l)

check "mkdir (create bucket)" rc mkdir "$REMOTE"
check "copy a tree of $FILES files, one of 120 MiB" rc copy --log-level DEBUG --log-file "$WORK/copy.log" "$SRC" "$REMOTE/tree"
check "the 120 MiB file went up in 8 parts of 16 MiB" grep -q "huge.bin: multipart upload starting chunk 8 size 8Mi" "$WORK/copy.log"
check_output "ls lists all $FILES files" "$FILES" count_files "$REMOTE/tree"
check_output "lsf lists the top folders" "a/ b/ big/ e/ names/" names "$REMOTE/tree"
check_output "lsd of a nested folder" d folders "$REMOTE/tree/b/c"
# A multipart object's ETag is no MD5: rclone keeps the MD5 in metadata (X-Amz-Meta-Md5chksum).
check_output "md5sum of the 120 MiB file matches" "$(md5sum "$SRC/big/huge.bin" | cut -d' ' -f1)" remote_md5 "$REMOTE/tree/big/huge.bin"
check "check (sizes and hashes)" rc check "$SRC" "$REMOTE/tree"
check "check --download (bytes)" rc check --download "$SRC" "$REMOTE/tree"
check_output "cat of a name with unicode" unicode rc cat "$REMOTE/tree/names/한글-파일.txt"

# Local changes: one file rewritten (new size), one removed, one added, one folder removed.
head -c 777 /dev/urandom >"$SRC/a/file-1.bin"
rm "$SRC/e/gone.txt"
rm -r "$SRC/b/c"
printf 'new after the copy\n' >"$SRC/e/new.txt"
FILES=$(find "$SRC" -type f | wc -l)
check "sync after local changes" rc sync "$SRC" "$REMOTE/tree"
check "check after sync" rc check "$SRC" "$REMOTE/tree"
check_output "sync removed the deleted file, added the new one" "empty new.txt" names "$REMOTE/tree/e"
check_output "sync removed the deleted folder" top.txt names "$REMOTE/tree/b"
check_output "ls lists $FILES files after sync" "$FILES" count_files "$REMOTE/tree"
check "copy back down" rc copy "$REMOTE/tree" "$WORK/down"
check "the downloaded tree is identical (diff -r)" diff -r "$SRC" "$WORK/down"
rm -rf "$WORK/down"

check "server-side copyto" rc copyto "$REMOTE/tree/b/top.txt" "$REMOTE/copied/top.txt"
check_output "the copy has the bytes" "top level" rc cat "$REMOTE/copied/top.txt"
check "moveto renames" rc moveto "$REMOTE/copied/top.txt" "$REMOTE/copied/moved.txt"
check_output "... and the source is gone" moved.txt names "$REMOTE/copied"
check "delete a folder's files" rc delete "$REMOTE/tree/a"
check_output "... they are gone" "" names "$REMOTE/tree/a"
check_output "... the rest is still there" huge.bin names "$REMOTE/tree/big"
check_fails "check notices the missing files" rc check "$SRC" "$REMOTE/tree"
check "purge the bucket" rc purge "$REMOTE"
check_fails "the bucket is gone" rc lsf "$REMOTE"
summary
