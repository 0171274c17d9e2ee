# Shared helpers of the conformance scripts: a pass/fail tally that ends in "N passed, M failed".
# Scripts source this file; they expect GW_URL, GW_ACCESS_KEY, GW_SECRET_KEY in the environment.
set -u
PASSED=0
FAILED=0
: "${GW_URL:?GW_URL is required}" "${GW_ACCESS_KEY:?GW_ACCESS_KEY is required}" "${GW_SECRET_KEY:?GW_SECRET_KEY is required}"
GW_REGION=${GW_REGION:-kr-central-2}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

pass() { PASSED=$((PASSED + 1)); echo "  ok    $1"; }
fail() { FAILED=$((FAILED + 1)); echo "  FAIL  $1"; }

# check "description" command...: passes when the command succeeds.
check() {
  local name=$1
  shift
  if "$@" >"$WORK/out" 2>&1; then pass "$name"; else fail "$name"; sed 's/^/        /' "$WORK/out" | tail -20; fi
}

# check_fails "description" command...: passes when the command fails (bad input must be refused).
check_fails() {
  local name=$1
  shift
  if "$@" >"$WORK/out" 2>&1; then fail "$name (unexpectedly succeeded)"; else pass "$name"; fi
}

# check_output "description" expected command...: passes when the command succeeds and prints
# exactly `expected` (trailing newlines aside); otherwise shows what it printed.
check_output() {
  local name=$1 expected=$2 got
  shift 2
  if got=$("$@" 2>"$WORK/err") && [ "$got" = "$expected" ]; then pass "$name"; else
    fail "$name"
    printf '        expected: %s\n        got:      %s\n' "$expected" "$got"
    sed 's/^/        /' "$WORK/err" | tail -20
  fi
}

summary() {
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
}
