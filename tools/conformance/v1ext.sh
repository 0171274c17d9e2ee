#!/usr/bin/env bash
# Walks the request examples of the /v1_ext bucket API document (spec 004) with curl against a
# running gateway: create (encrypted), list, detail (GET, HEAD, /v1_ext/{name}), access control
# with an IP allow list (and its effect on anonymous Swift and S3 reads), bucket metadata set
# through Swift, CORS configuration, XML lifecycle, delete; checks status codes and bodies.
# Usage: GW_URL=http://127.0.0.1:8080 GW_SWIFT_USER=default:admin GW_SWIFT_KEY=<password> v1ext.sh
: "${GW_ACCESS_KEY:=unused-by-v1ext}" "${GW_SECRET_KEY:=unused-by-v1ext}"
source "$(dirname "$0")/lib.sh"
: "${GW_SWIFT_USER:?GW_SWIFT_USER (account:user) is required}" "${GW_SWIFT_KEY:?GW_SWIFT_KEY (the password of the user) is required}"
PY=/usr/bin/python3

echo "/v1_ext (curl) against $GW_URL"
curl -s -D "$WORK/auth.headers" -o /dev/null -H "X-Auth-User: $GW_SWIFT_USER" -H "X-Auth-Key: $GW_SWIFT_KEY" "$GW_URL/auth/v1.0"
TOKEN=$(sed -n 's/^[Xx]-[Aa]uth-[Tt]oken: *//p' "$WORK/auth.headers" | tr -d '\r')
STORAGE_URL=$(sed -n 's/^[Xx]-[Ss]torage-[Uu]rl: *//p' "$WORK/auth.headers" | tr -d '\r')
[ -n "$TOKEN" ] && [ -n "$STORAGE_URL" ] || { echo "no token from $GW_URL/auth/v1.0"; exit 1; }
ACCOUNT_PATH="/v1/${STORAGE_URL##*/v1/}"
ACCOUNT_ID=${ACCOUNT_PATH#/v1/}
ACCOUNT_ID=${ACCOUNT_ID#AUTH_}

# api METHOD PATH [curl args...]: sets STATUS; the body goes to $WORK/body, headers to $WORK/headers.
api() {
  local method=$1 path=$2
  shift 2
  STATUS=$(curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -X "$method" "$@" "$GW_URL$path")
}
authed() { api "$1" "$2" -H "X-Auth-Token: $TOKEN" "${@:3}"; }
json_body() { authed "$1" "$2" -H 'Content-Type: application/json' --data "$3"; }
# expect_status CODE: the last call answered CODE.
expect_status() { [ "$STATUS" = "$1" ] || { echo "status $STATUS, expected $1"; cat "$WORK/body"; return 1; }; }
# expect_json PYTHON-EXPR EXPECTED: the expression over the last JSON body `b` prints EXPECTED.
expect_json() {
  local got
  got=$("$PY" -c 'import json,sys; b=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$WORK/body" "$1") && [ "$got" = "$2" ] \
    || { printf '%s = %s, expected %s\n' "$1" "$got" "$2"; cat "$WORK/body"; return 1; }
}
expect_body_has() { grep -q -- "$1" "$WORK/body" || { echo "body lacks $1"; cat "$WORK/body"; return 1; }; }
expect_header() { tr -d '\r' <"$WORK/headers" | grep -qi "^$1: $2\$" || { echo "no header $1: $2"; cat "$WORK/headers"; return 1; }; }

bucket="v1ext-conf-$(date +%s)-$$"
CORS='{"cors": [{"allowed_origins": ["https://www.example1.com"], "allowed_methods": ["PUT", "GET"], "allowed_headers": ["*"], "expose_headers": [], "max_age_seconds": 10},
  {"allowed_origins": ["https://www.example2.com"], "allowed_methods": ["PUT", "GET", "DELETE"], "allowed_headers": ["*"], "expose_headers": ["X-Object-Meta-User-Defined"], "max_age_seconds": 10}]}'
LIFECYCLE='<?xml version="1.0"?>
<LifecycleConfiguration>
<Rule>
<ID>day1Rule</ID>
<Expiration>
<Days>1</Days>
</Expiration>
<Prefix>expire1/</Prefix>
<Status>Enabled</Status>
</Rule>
<Rule>
<ID>dateRule</ID>
<Expiration>
<Date>2023-06-10T00:00:00.000Z</Date>
</Expiration>
<Prefix>20230-06-08/</Prefix>
<Status>Enabled</Status>
</Rule>
</LifecycleConfiguration>'

create_spec_bucket() {
  json_body PUT /v1_ext/bucket "{\"name\": \"$bucket\", \"type\": \"STANDARD\", \"use_encryption\": true, \"encryption_configuration\": {\"type\": \"managed\"}}"
  expect_status 200 &&
    expect_json '(b["name"], b["project"], b["type"], b["bytes"], b["objectCount"], b["use_encryption"], b["encryption_type"], b["storageClass"], b["storagePolicy"], b["acl"]["public"])' \
      "('$bucket', '$ACCOUNT_ID', 'STANDARD', 0, 0, True, 'managed', 'STANDARD', 'default-placement', 'deny')"
}
create_again() { json_body PUT /v1_ext/bucket "{\"name\": \"$bucket\", \"type\": \"STANDARD\"}" && expect_status 409; }
create_invalid() { json_body PUT /v1_ext/bucket '{"name": "Not A Bucket!", "type": "STANDARD"}' && expect_status 400 && expect_json 'b["code"]' InvalidBucketName; }
create_without_token() { api PUT /v1_ext/bucket -H 'Content-Type: application/json' --data '{"name": "no-token", "type": "STANDARD"}' && expect_status 401; }
list_limit_100() {
  authed GET '/v1_ext/bucket?limit=100' && expect_status 200 &&
    expect_json 'sorted(b.keys()) == ["count", "items", "offset", "totalCount"] and b["offset"] == 0 and b["count"] == len(b["items"]) and b["totalCount"] >= 1' True
}
list_prefix() { authed GET "/v1_ext/bucket?prefix=$bucket&by=created_at&direct=desc" && expect_status 200 && expect_json '[i["name"] for i in b["items"]]' "['$bucket']"; }
list_prefix_and_include() { authed GET '/v1_ext/bucket?prefix=a&include=b' && expect_status 400; }
detail() { authed GET "/v1_ext/bucket/$bucket" && expect_status 200 && expect_json '(b["name"], b["acl"]["public"], b["acl"]["public_read_allow_ip_list"])' "('$bucket', 'deny', None)"; }
detail_short_path() { authed GET "/v1_ext/$bucket" && expect_status 200 && expect_json 'b["name"]' "$bucket"; }
detail_missing() { authed GET "/v1_ext/bucket/$bucket-missing" && expect_status 404; }
meta_through_swift() {
  authed POST "$ACCOUNT_PATH/$bucket" -H 'X-Container-Meta-Company: kakao enterprise' && expect_status 204 &&
    authed HEAD "/v1_ext/bucket/$bucket" && expect_status 200 && expect_header X-Container-Meta-Company 'kakao enterprise'
}
upload_object() { authed PUT "$ACCOUNT_PATH/$bucket/test.txt" --data-binary 'hello public' && expect_status 201; }
usage_exact() { authed GET "/v1_ext/bucket/$bucket" && expect_status 200 && expect_json '(b["bytes"], b["objectCount"])' '(12, 1)'; }
acl_ip_list() {
  json_body POST "/v1_ext/bucket/$bucket" "{\"name\": \"$bucket\", \"acl\": {\"public\": \"read-only\", \"public_read_allow_ip_list\": [\"1.1.1.1\", \"2.2.2.0/24\"]}}"
  expect_status 200 && expect_json '(b["acl"]["public"], b["acl"]["public_read_allow_ip_list"])' "('read-only', ['1.1.1.1', '2.2.2.0/24'])"
}
anonymous_refused_elsewhere() { api GET "$ACCOUNT_PATH/$bucket/test.txt" && expect_status 401 && api GET "/$ACCOUNT_ID:$bucket/test.txt" && expect_status 403; }
acl_bad_ip() { json_body POST "/v1_ext/bucket/$bucket" '{"acl": {"public": "read-only", "public_read_allow_ip_list": ["1.1.1.1/33"]}}' && expect_status 400; }
acl_everyone() { json_body POST "/v1_ext/bucket/$bucket" '{"acl": {"public": "read-only", "public_read_allow_ip_list": null}}' && expect_status 200; }
anonymous_reads() {
  api GET "$ACCOUNT_PATH/$bucket/test.txt" && expect_status 200 && expect_body_has 'hello public' &&
    api GET "/$ACCOUNT_ID:$bucket/test.txt" && expect_status 200 && expect_body_has 'hello public'
}
acl_deny() {
  json_body POST "/v1_ext/bucket/$bucket" '{"acl": {"public": "deny", "public_read_allow_ip_list": null}}' && expect_status 200 &&
    expect_json 'b["acl"]' "{'public': 'deny', 'public_read_allow_ip_list': None}" && api GET "$ACCOUNT_PATH/$bucket/test.txt" && expect_status 401
}
cors_put() {
  authed PUT "/v1_ext/bucket/$bucket/cors" -H 'Content-Type: application/json' --data "$CORS" && expect_status 200 &&
    expect_json '[(r["allowed_origins"], r["allowed_methods"], r["expose_headers"], r["max_age_seconds"]) for r in b["cors"]]' \
      "[(['https://www.example1.com'], ['PUT', 'GET'], [], 10), (['https://www.example2.com'], ['PUT', 'GET', 'DELETE'], ['X-Object-Meta-User-Defined'], 10)]"
}
cors_get() { authed GET "/v1_ext/bucket/$bucket/cors" -H 'Content-Type: application/json' && expect_status 200 && expect_json 'len(b["cors"])' 2; }
cors_too_many() {
  local rules
  rules=$("$PY" -c 'import json; print(json.dumps({"cors": [{"allowed_origins": ["https://a.example"], "allowed_methods": ["GET"], "allowed_headers": [], "expose_headers": []}] * 11}))')
  authed PUT "/v1_ext/bucket/$bucket/cors" -H 'Content-Type: application/json' --data "$rules" && expect_status 400
}
cors_default() { authed PUT "/v1_ext/bucket/$bucket/cors" -H 'Content-Type: application/json' --data '{"cors": []}' && expect_status 200 && expect_json 'b' "{'cors': []}"; }
lifecycle_put() { authed PUT "/v1_ext/bucket/$bucket/lifecycle" --data-binary "$LIFECYCLE" && expect_status 200 && expect_body_has '<ID>day1Rule</ID>' && expect_body_has '<Date>2023-06-10T00:00:00.000Z</Date>'; }
lifecycle_get() { authed GET "/v1_ext/bucket/$bucket/lifecycle" && expect_status 200 && expect_body_has '<Prefix>20230-06-08/</Prefix>'; }
lifecycle_invalid() { authed PUT "/v1_ext/bucket/$bucket/lifecycle" --data-binary '<LifecycleConfiguration><Rule><ID>r</ID><Expiration><Days>0</Days></Expiration><Prefix></Prefix><Status>Enabled</Status></Rule></LifecycleConfiguration>' && expect_status 400; }
lifecycle_missing_bucket() { authed PUT "/v1_ext/bucket/$bucket-missing/lifecycle" --data-binary "$LIFECYCLE" && expect_status 404; }
lifecycle_delete() { authed DELETE "/v1_ext/bucket/$bucket/lifecycle" && expect_status 200 && authed GET "/v1_ext/bucket/$bucket/lifecycle" && expect_status 404; }
delete_not_empty() { authed DELETE "/v1_ext/bucket/$bucket" && expect_status 409; }
delete_bucket() { authed DELETE "$ACCOUNT_PATH/$bucket/test.txt" && expect_status 204 && authed DELETE "/v1_ext/bucket/$bucket" && expect_status 204; }
delete_again() { authed DELETE "/v1_ext/bucket/$bucket" && expect_status 404; }

check "create bucket: the spec's example (encrypted, managed)" create_spec_bucket
check "create bucket: an existing name is 409" create_again
check "create bucket: an invalid name is 400" create_invalid
check "create bucket: without a token is 401" create_without_token
check "list buckets: ?limit=100 answers {totalCount, offset, count, items}" list_limit_100
check "list buckets: prefix, by and direct" list_prefix
check "list buckets: prefix with include is 400" list_prefix_and_include
check "bucket detail: GET /v1_ext/bucket/{name}" detail
check "bucket detail: GET /v1_ext/{name}" detail_short_path
check "bucket detail: a missing bucket is 404" detail_missing
check "bucket metadata: set through Swift POST, shown by HEAD as X-Container-Meta-*" meta_through_swift
check "upload an object through Swift" upload_object
check "bucket detail: bytes and objectCount are exact" usage_exact
check "access control: read-only with the spec's IP list" acl_ip_list
check "access control: anonymous reads from an unlisted address are refused (Swift 401, S3 403)" anonymous_refused_elsewhere
check "access control: a bad CIDR is 400" acl_bad_ip
check "access control: read-only for everyone" acl_everyone
check "access control: anonymous Swift and S3 reads succeed" anonymous_reads
check "access control: deny shuts anonymous reads out" acl_deny
check "CORS: the spec's two rules" cors_put
check "CORS: GET answers them" cors_get
check "CORS: 11 rules are 400" cors_too_many
check "CORS: {\"cors\": []} restores the default" cors_default
check "lifecycle: PUT the spec's XML" lifecycle_put
check "lifecycle: GET answers it" lifecycle_get
check "lifecycle: Days 0 is 400" lifecycle_invalid
check "lifecycle: a missing bucket is 404" lifecycle_missing_bucket
check "lifecycle: DELETE, then GET is 404" lifecycle_delete
check "delete bucket: not empty is 409" delete_not_empty
check "delete bucket: 204 once empty" delete_bucket
check "delete bucket: again is 404" delete_again
summary
