#!/usr/bin/env bash
# Runs boto3.py with Debian's python (/usr/bin/python3 has python3-boto3; the pyenv python first on
# PATH here has no boto3), with no AWS config or credential files that could change its behaviour.
# Usage: GW_URL=http://127.0.0.1:8080 GW_ACCESS_KEY=... GW_SECRET_KEY=... boto3.sh
set -u
: "${GW_URL:?GW_URL is required}" "${GW_ACCESS_KEY:?GW_ACCESS_KEY is required}" "${GW_SECRET_KEY:?GW_SECRET_KEY is required}"
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_DEFAULT_REGION
exec "${PYTHON:-/usr/bin/python3}" -u "$(dirname "$0")/boto3.py"
