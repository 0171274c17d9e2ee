#!/usr/bin/env bash
# Drives the Debian python3-swiftclient CLI (/usr/bin/swift) against a running gateway with v1
# auth (GET /auth/v1.0): post a container, upload a small file and a 12 MiB one, list, download
# and compare the bytes, stat the account, container and object, delete, and check that a
# wrong key is refused. Then Keystone v3: the same CLI on an application credential
# (--os-auth-type v3applicationcredential, keystoneauth1), token validation and revocation with
# curl, and python3-keystoneclient managing credentials and tokens (keystone-v3.py); TempURL,
# FormPost and container ACLs; large objects (DLO, SLO), listings with a delimiter, server-side
# copy; the CLI's own v3 password login.
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
# Keystone v3: application credentials used by the real client (keystoneauth1's
# v3applicationcredential plugin), token validation and revocation. The credential is created
# and the tokens handled with curl: the swift CLI has no commands for them.
echo "Keystone v3 (application credentials, token validation and revocation)"
PY=/usr/bin/python3
json_field() { "$PY" -c 'import json,sys; d=json.load(sys.stdin)
for k in sys.argv[1].split("."): d=d[k]
print(d)' "$1"; }
http_status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
v3_login() { # prints the response headers and body of a password login of GW_SWIFT_USER
  curl -s -D "$WORK/v3.headers" -o "$WORK/v3.body" -X POST "$GW_URL/v3/auth/tokens" -H 'Content-Type: application/json' \
    -d "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"${GW_SWIFT_USER#*:}\",\"domain\":{\"id\":\"default\"},\"password\":\"$GW_SWIFT_KEY\"}}},\"scope\":{\"project\":{\"name\":\"${GW_SWIFT_USER%%:*}\"}}}}"
  sed -n 's/^[Xx]-[Ss]ubject-[Tt]oken: *//p' "$WORK/v3.headers" | tr -d '\r'
}
v3_token=$(v3_login)
check "v3: a password login answers a token" test -n "$v3_token"
v3_user=$(json_field token.user.id <"$WORK/v3.body" 2>/dev/null)
v3_storage=$(json_field token.project.id <"$WORK/v3.body" 2>/dev/null)
app_creds="$GW_URL/v3/users/$v3_user/application_credentials"
curl -s -o "$WORK/appcred.json" -X POST "$app_creds" -H "X-Auth-Token: $v3_token" -H 'Content-Type: application/json' \
  -d "{\"application_credential\":{\"name\":\"conformance-$(date +%s)-$$\",\"description\":\"swift.sh\"}}"
ac_id=$(json_field application_credential.id <"$WORK/appcred.json" 2>/dev/null)
ac_secret=$(json_field application_credential.secret <"$WORK/appcred.json" 2>/dev/null)
check "v3: create an application credential (secret answered once)" test -n "$ac_id" -a -n "$ac_secret"
check_output "v3: show it, without its secret" "absent" bash -c "curl -s '$app_creds/$ac_id' -H 'X-Auth-Token: $v3_token' | '$PY' -c 'import json,sys; print(\"absent\" if \"secret\" not in json.load(sys.stdin)[\"application_credential\"] else \"shown\")'"
# A wrapper script (like sw above); AC_SECRET overrides the secret.
cat >"$WORK/acsw" <<SH
#!/usr/bin/env bash
exec "$SWIFT" --os-auth-url "$GW_URL/v3" --auth-version 3 --os-auth-type v3applicationcredential \\
  --os-application-credential-id "$ac_id" --os-application-credential-secret "\${AC_SECRET:-$ac_secret}" "\$@"
SH
chmod +x "$WORK/acsw"
ac_swift() { "$WORK/acsw" "$@"; }
check "swift v3applicationcredential: stat the account" ac_swift stat
check "swift v3applicationcredential: create a container" ac_swift post "$container-ac"
check "swift v3applicationcredential: the account lists it" bash -c "'$WORK/acsw' list | grep -qx '$container-ac'"
check "swift v3applicationcredential: delete the container" ac_swift delete "$container-ac"
check_fails "swift v3applicationcredential: a wrong secret is refused" env AC_SECRET=wrong-secret "$WORK/acsw" stat
check_output "v3: GET /v3/auth/tokens validates a live token (200)" 200 http_status "$GW_URL/v3/auth/tokens" -H "X-Auth-Token: $v3_token" -H "X-Subject-Token: $v3_token"
check_output "v3: HEAD /v3/auth/tokens checks it (200)" 200 http_status -I "$GW_URL/v3/auth/tokens" -H "X-Auth-Token: $v3_token" -H "X-Subject-Token: $v3_token"
doomed=$(v3_login)
check_output "v3: a second token opens the storage account (204)" 204 http_status -I "$GW_URL/v1/AUTH_$v3_storage" -H "X-Auth-Token: $doomed"
check_output "v3: DELETE /v3/auth/tokens revokes it (204)" 204 http_status -X DELETE "$GW_URL/v3/auth/tokens" -H "X-Auth-Token: $v3_token" -H "X-Subject-Token: $doomed"
check_output "v3: the revoked token is refused on /v1 (401)" 401 http_status -I "$GW_URL/v1/AUTH_$v3_storage" -H "X-Auth-Token: $doomed"
check_output "v3: the revoked token no longer validates (404)" 404 http_status "$GW_URL/v3/auth/tokens" -H "X-Auth-Token: $v3_token" -H "X-Subject-Token: $doomed"
check_output "v3: delete the application credential (204)" 204 http_status -X DELETE "$app_creds/$ac_id" -H "X-Auth-Token: $v3_token"
check_fails "swift v3applicationcredential: a deleted credential is refused" ac_swift stat
check "keystoneclient: application credentials and tokens through python3-keystoneclient" /usr/bin/python3 "$(dirname "$0")/keystone-v3.py"
# TempURL as `swift tempurl` prints it (HMAC-SHA256 by default), the KakaoCloud `?temp_url` issue
# call, FormPost and container ACLs, driven with the swift CLI and curl.
echo "TempURL, FormPost, container ACLs"
tc="$container-access"
sw stat -v >"$WORK/stat-v" 2>&1
storage_url=$(sed -n 's/^ *StorageURL: *//p' "$WORK/stat-v" | tr -d '\r')
auth_token=$(sed -n 's/^ *Auth Token: *//p' "$WORK/stat-v" | tr -d '\r')
v1_path=/${storage_url#*://*/}
tempurl_key="conformance-key-$$"
now() { date +%s; }
check "tempurl: set the account Temp-URL-Key (swift post -m)" sw post -m "Temp-URL-Key:$tempurl_key"
check "tempurl: create a container and upload an object" bash -c "'$SW' post '$tc' && cd '$WORK/up' && '$SW' upload '$tc' dir/small.txt"
get_url=$("$SWIFT" tempurl GET 600 "$v1_path/$tc/dir/small.txt" "$tempurl_key")
check "tempurl: curl GETs the URL swift tempurl prints, same bytes" bash -c "curl -fs '$GW_URL$get_url' | cmp - '$WORK/up/dir/small.txt'"
check_output "tempurl: HEAD with it (200)" 200 http_status -I "$GW_URL$get_url"
check_output "tempurl: a tampered signature is refused (403)" 403 http_status "$GW_URL${get_url/temp_url_sig=/temp_url_sig=0}"
check_output "tempurl: the GET URL does not allow PUT (403)" 403 http_status -X PUT --data-binary x "$GW_URL$get_url"
check_output "tempurl: an expired URL is refused (403)" 403 http_status "$GW_URL$("$SWIFT" tempurl --absolute GET $(($(now) - 5)) "$v1_path/$tc/dir/small.txt" "$tempurl_key")"
check "tempurl: sha1, sha512 and ISO 8601 URLs" bash -c "for u in \"\$('$SWIFT' tempurl --digest sha1 GET 600 '$v1_path/$tc/dir/small.txt' '$tempurl_key')\" \"\$('$SWIFT' tempurl --digest sha512 GET 600 '$v1_path/$tc/dir/small.txt' '$tempurl_key')\" \"\$('$SWIFT' tempurl --iso8601 GET 600 '$v1_path/$tc/dir/small.txt' '$tempurl_key')\"; do curl -fs \"$GW_URL\$u\" >/dev/null || exit 1; done"
prefix_query=$("$SWIFT" tempurl --prefix-based GET 600 "$v1_path/$tc/dir/" "$tempurl_key" | sed 's/^[^?]*?//')
check_output "tempurl: a prefix-based URL opens an object under the prefix (200)" 200 http_status "$GW_URL$v1_path/$tc/dir/small.txt?$prefix_query"
check_output "tempurl: an --ip-range URL from that address (200)" 200 http_status "$GW_URL$("$SWIFT" tempurl --ip-range 127.0.0.1 GET 600 "$v1_path/$tc/dir/small.txt" "$tempurl_key")"
check_output "tempurl: an --ip-range URL from elsewhere (403)" 403 http_status "$GW_URL$("$SWIFT" tempurl --ip-range 10.9.9.9 GET 600 "$v1_path/$tc/dir/small.txt" "$tempurl_key")"
put_url=$("$SWIFT" tempurl PUT 600 "$v1_path/$tc/via-tempurl.txt" "$tempurl_key")
check_output "tempurl: curl PUTs with a PUT URL (201)" 201 http_status -X PUT --data-binary @"$WORK/up/dir/small.txt" "$GW_URL$put_url"
check "tempurl: swift downloads what the PUT URL stored" bash -c "'$SW' download '$tc' via-tempurl.txt -o - | cmp - '$WORK/up/dir/small.txt'"
check "tempurl: filename= sets Content-Disposition" bash -c "curl -fsI '$GW_URL$get_url&filename=report%20v1.txt' | tr -d '\r' | grep -qx \"[Cc]ontent-[Dd]isposition: attachment; filename=\\\"report v1.txt\\\"; filename\\*=UTF-8''report%20v1.txt\""
issued=$(curl -fs -H "X-Auth-Token: $auth_token" "$storage_url/$tc/dir/small.txt?temp_url&temp_url_expires=$(($(now) + 600))")
issued_url=$(printf '%s' "$issued" | json_field url 2>/dev/null)
check "issue: ?temp_url answers {url, sig}" bash -c "printf '%s' '$issued' | '$PY' -c 'import json,sys; d=json.load(sys.stdin); assert set(d)=={\"url\",\"sig\"}'"
check "issue: the issued URL downloads without a token" bash -c "curl -fs '$GW_URL$issued_url' | cmp - '$WORK/up/dir/small.txt'"
check_output "issue: a past temp_url_expires is refused (400)" 400 http_status -H "X-Auth-Token: $auth_token" "$storage_url/$tc/dir/small.txt?temp_url&temp_url_expires=100"
form_expires=$(($(now) + 600))
form_sig=$("$PY" -c 'import hmac,hashlib,sys; print(hmac.new(sys.argv[1].encode(), ("%s\n%s\n%s\n%s\n%s" % (sys.argv[2], "", "1048576", "2", sys.argv[3])).encode(), hashlib.sha1).hexdigest())' "$tempurl_key" "$v1_path/$tc/form/" "$form_expires")
form_post() { curl -s -o "$WORK/form.out" -w '%{http_code}' -F redirect= -F max_file_size=1048576 -F max_file_count=2 -F expires="$form_expires" -F signature="$1" -F file1=@"$WORK/up/dir/small.txt" "$storage_url/$tc/form/"; }
check_output "formpost: curl -F uploads with a signed form (201)" 201 form_post "$form_sig"
check "formpost: swift downloads the posted file" bash -c "'$SW' download '$tc' form/small.txt -o - | cmp - '$WORK/up/dir/small.txt'"
check_output "formpost: a bad signature is refused (401)" 401 form_post "0$form_sig"
check "acl: swift post -r '.r:*,.rlistings'" sw post -r '.r:*,.rlistings' "$tc"
check "acl: swift stat shows the Read ACL" bash -c "'$SW' stat '$tc' | grep -q 'Read ACL: .r:\*,.rlistings'"
check "acl: anonymous curl reads the object" bash -c "curl -fs '$storage_url/$tc/dir/small.txt' | cmp - '$WORK/up/dir/small.txt'"
check "acl: anonymous curl lists the container" bash -c "curl -fs '$storage_url/$tc' | grep -qx 'dir/small.txt'"
check "acl: swift post -r '' removes it" sw post -r '' "$tc"
check_output "acl: anonymous reads are refused again (401)" 401 http_status "$storage_url/$tc/dir/small.txt"
check "tempurl: delete the container" sw delete "$tc"
# Large objects as `swift upload -S` makes them: 50 MiB in 10 MiB segments, into the default
# `{container}_segments` container (DLO) and into a container of its own (SLO); listings with
# prefix and delimiter, server-side copy, and deletion with the segments.
echo "Large objects (DLO, SLO), listings, copy"
lc="$container-lo"
head -c $((50 * 1024 * 1024)) /dev/urandom >"$WORK/up/fifty.bin"
check "dlo: upload 50 MiB in 10 MiB segments (default segment container)" bash -c "'$SW' post '$lc' && cd '$WORK/up' && '$SW' upload --segment-size 10485760 '$lc' fifty.bin --object-name dlo.bin"
check "dlo: the segments are in ${lc}_segments" bash -c "test \"\$('$SW' list '${lc}_segments' | wc -l)\" -eq 5"
check "dlo: stat shows the manifest" bash -c "'$SW' stat '$lc' dlo.bin | grep -q 'Manifest: ${lc}_segments/'"
check "dlo: download, same bytes" bash -c "'$SW' download '$lc' dlo.bin -o - | cmp - '$WORK/up/fifty.bin'"
check "slo: upload 50 MiB as an SLO of 10 MiB segments" bash -c "'$SW' post '$lc-segs' && cd '$WORK/up' && '$SW' upload --use-slo --segment-size 10485760 --segment-container '$lc-segs' '$lc' fifty.bin --object-name slo.bin"
check "slo: stat shows X-Static-Large-Object" bash -c "'$SW' stat '$lc' slo.bin | grep -q 'X-Static-Large-Object: True'"
check "slo: download, same bytes" bash -c "'$SW' download '$lc' slo.bin -o - | cmp - '$WORK/up/fifty.bin'"
check "copy: the SLO server-side (swift copy)" sw copy -d "/$lc/copies/slo-copy.bin" "$lc" slo.bin
check "copy: download the copy, same bytes" bash -c "'$SW' download '$lc' copies/slo-copy.bin -o - | cmp - '$WORK/up/fifty.bin'"
check_output "list: with a delimiter" "$(printf 'copies/\ndlo.bin\nslo.bin')" sw list --delimiter / "$lc"
check_output "list: with a prefix and a delimiter" "copies/slo-copy.bin" sw list --prefix copies/ --delimiter / "$lc"
check "slo: overwrite with a smaller SLO (the old segments go)" bash -c "cd '$WORK/up' && '$SW' upload --use-slo -S 4194304 --segment-container '$lc-segs' '$lc' dir/small.txt --object-name slo.bin && '$SW' download '$lc' slo.bin -o - | cmp - dir/small.txt"
check "slo/dlo: delete both with their segments" bash -c "'$SW' delete '$lc' slo.bin dlo.bin && test -z \"\$('$SW' list '$lc-segs')\" && test -z \"\$('$SW' list '${lc}_segments')\""
check "slo/dlo: delete the containers" bash -c "'$SW' delete '$lc' && '$SW' delete '$lc-segs' && '$SW' delete '${lc}_segments'"
# Keystone v3 password login as the swift CLI does it (keystoneclient).
check "swift v3 password: stat the account" "$SWIFT" --auth-version 3 --os-auth-url "$GW_URL/v3" --os-username "${GW_SWIFT_USER#*:}" \
  --os-user-domain-name default --os-project-name "${GW_SWIFT_USER%%:*}" --os-project-domain-name default --os-password "$GW_SWIFT_KEY" stat
summary
