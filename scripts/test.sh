#!/usr/bin/env bash
# make test: C++ tests on SQLite and a throwaway PostgreSQL cluster, black-box API
# scenarios against the real server on both engines, web unit tests, browser journeys.
set -euo pipefail
debug_dir=${1:-build-debug}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp:print_suppressions=0}
mkdir -p test-artifacts

pgdir=$(mktemp -d /tmp/tongxin-pg.XXXXXX)
cleanup() { bash scripts/pg-test-cluster.sh stop "$pgdir" >/dev/null 2>&1 || true; }
trap cleanup EXIT
TONGXIN_TEST_PG_URL=$(bash scripts/pg-test-cluster.sh start "$pgdir" | tail -n 1)
export TONGXIN_TEST_PG_URL TONGXIN_REQUIRE_PG=1
echo "test: PostgreSQL at $TONGXIN_TEST_PG_URL"

status=0
step() {
  local name=$1; shift
  echo "=== $name"
  local t0=$SECONDS
  if "$@"; then
    echo "=== $name: ok ($((SECONDS - t0)) s)"
  else
    echo "=== $name: FAILED ($((SECONDS - t0)) s)"
    status=1
  fi
}

step "table ownership (no module reads another's tables)" python3 scripts/check-ownership.py
step "C++ unit and storage tests (SQLite + PostgreSQL)" \
  ctest --test-dir "$debug_dir" -j "$(nproc)" --output-on-failure --timeout 600
export TONGXIN_BIN="$root/$debug_dir/tongxin"
step "API scenarios (real server, SQLite and PostgreSQL)" \
  node --test --test-concurrency=1 tests/api/
step "web unit tests" bash -c 'cd web && npm run --silent test:unit'
step "browser journeys (Chromium)" bash -c 'cd web && npm run --silent test:e2e'
exit $status
