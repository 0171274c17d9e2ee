#!/usr/bin/env bash
# Drives the Debian python3-swiftclient CLI (/usr/bin/swift) against a running gateway with v1
# auth (GET /auth/v1.0): post a container, upload a small file and a 12 MiB one, list, download
# and compare the bytes, stat the account, container and object, delete, and check that a
# wrong key is refused.
# Usage: GW_URL=http://127.0.0.1:8080 GW_SWIFT_USER=default:admin GW_SWIFT_KEY=<password> swift.sh
: "${GW_ACCESS_KEY:=unused-by-swift}" "${GW_SECRET_KEY:=unused-by-swift}"
source "$(dirname "$0")/lib.sh"
: "${GW_SWIFT_USER:?GW_SWIFT_USER (account:user) is required}" "${GW_SWIFT_KEY:?GW_SWIFT_KEY (the password of the user) is required}"
SWIFT=${SWIFT:-/usr/bin/swift}
# A wrapper script, so that pipelines under `bash -c` can call it too.
cat >"$WORK/sw" <<SH
#!/usr/bin/env bash
exec "$SWIFT" -A "$GW_URL/auth/v1.0" -U "$GW_SWIFT_USER" -K "$GW_SWIFT_KEY" "\$@"
SH
chmod +x "$WORK/sw"
sw() { "$WORK/sw" "$@"; }
SW=$WORK/sw

echo "swift ($("$SWIFT" --version 2>&1 | head -1)) against $GW_URL"
container="swift-conf-$(date +%s)-$$"
mkdir -p "$WORK/up/dir" "$WORK/down"
printf 'hello from swiftclient\n' >"$WORK/up/dir/small.txt"
head -c $((12 * 1024 * 1024)) /dev/urandom >"$WORK/up/big.bin"

check "auth: stat the account" sw stat
check "post: create the container" sw post "$container"
check "post: set container metadata" sw post -m color:blue "$container"
check "stat: container shows its metadata" bash -c "'$SW' stat '$container' | grep -qi 'Meta Color: blue'"
check "upload: a small file" bash -c "cd '$WORK/up' && '$SW' upload '$container' dir/small.txt"
check "upload: 12 MiB" bash -c "cd '$WORK/up' && '$SW' upload '$container' big.bin"
check_output "list: both objects" "$(printf 'big.bin\ndir/small.txt')" sw list "$container"
check_output "list: with a prefix" "dir/small.txt" sw list -p dir/ "$container"
check "list: the account shows the container" bash -c "'$SW' list | grep -qx '$container'"
check "download: the small file (md5 checked against the ETag)" sw download "$container" dir/small.txt -o "$WORK/down/small.txt"
check "download: small bytes are identical" cmp "$WORK/up/dir/small.txt" "$WORK/down/small.txt"
check "download: 12 MiB" sw download "$container" big.bin -o "$WORK/down/big.bin"
check "download: big bytes are identical" cmp "$WORK/up/big.bin" "$WORK/down/big.bin"
check "stat: the object" sw stat "$container" big.bin
check "post: object metadata" sw post -m stage:two "$container" big.bin
check "stat: the object shows its new metadata" bash -c "'$SW' stat '$container' big.bin | grep -qi 'Meta Stage: two'"
check "delete: one object" sw delete "$container" dir/small.txt
check_fails "download: a deleted object fails" sw download "$container" dir/small.txt -o "$WORK/down/again.txt"
check "delete: the container with what is left" sw delete "$container"
check_fails "stat: the deleted container fails" sw stat "$container"
check_fails "auth: a wrong key is refused" "$SWIFT" -A "$GW_URL/auth/v1.0" -U "$GW_SWIFT_USER" -K wrong-password stat
summary
