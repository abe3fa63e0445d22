#!/usr/bin/env bash
# make bench: starts the release server on a seeded city-scale demo (SQLite), loads it with
# wrk over loopback, and prints a table: requests/s, p50, p99 per endpoint, next to the
# trivial /healthz measured in the same run, plus RSS at idle and after load.
set -euo pipefail
bin=${1:-build/tongxin}
root=$(cd "$(dirname "$0")/.." && pwd)
duration=${BENCH_DURATION:-10s}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
work=$(mktemp -d /tmp/tongxin-bench.XXXXXX)
port=${BENCH_PORT:-18090}
base="http://127.0.0.1:$port"
pw='Bench-Pass-2026!'
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT

common=(--db "sqlite:$work/bench.db" --data-dir "$root/data" --key-file "$work/key")
TONGXIN_LOG_LEVEL=warn "$bin" "${common[@]}" seed-demo --scale city --demo-password "$pw" >/dev/null
TONGXIN_LOG_LEVEL=warn "$bin" "${common[@]}" serve --listen "127.0.0.1:$port" \
  --public-base-url "$base" 2>"$work/server.log" &
pid=$!
for _ in $(seq 1 300); do curl -fs "$base/readyz" >/dev/null && break; sleep 0.1; done
rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
idle_rss=$(rss)

cookie=$(curl -fs -c - -H 'Content-Type: application/json' \
  -d "{\"username\":\"staff\",\"password\":\"$pw\"}" "$base/api/v1/auth/login" |
  awk '/tongxin_session/ {print $7}')

run() {  # name path [header]
  local name=$1 path=$2 header=${3:-}
  local args=(-t "$threads" -c "$connections" -d "$duration" --latency)
  [ -n "$header" ] && args+=(-H "$header")
  local out
  out=$(wrk "${args[@]}" "$base$path")
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(grep -Eo 'Non-2xx or 3xx responses: [0-9]+' <<<"$out" | awk '{print $NF}')
  printf '| %-34s | %10s | %8s | %8s | %6s |\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}"
  echo "$rps" > "$work/rps_$name"
}

echo
echo "Tongxin benchmark — $(date -u +%FT%TZ), $(nproc) cores, wrk -t$threads -c$connections -d$duration, SQLite"
echo
printf '| %-34s | %10s | %8s | %8s | %6s |\n' endpoint "req/s" p50 p99 non2xx
printf '|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..36})" "------------" "----------" "----------" "--------"
run healthz /healthz
run public_studios_list "/api/v1/public/studios?division_code=620102"
run public_studio_page "/api/v1/public/studios/1"
run staff_members_search "/api/v1/members?q=wang&limit=20" "Cookie: tongxin_session=$cookie"
run staff_studios_list "/api/v1/studios?limit=20" "Cookie: tongxin_session=$cookie"
echo
base_rps=$(cat "$work/rps_healthz")
for f in "$work"/rps_*; do
  n=${f##*/rps_}
  [ "$n" = healthz ] && continue
  awk -v n="$n" -v r="$(cat "$f")" -v b="$base_rps" 'BEGIN { printf "%-34s %5.1f %% of /healthz throughput\n", n, 100*r/b }'
done
echo
echo "RSS at idle with the city demo loaded: $((idle_rss / 1024)) MiB; after load: $(( $(rss) / 1024 )) MiB"
echo "binary size: $(du -h "$bin" | cut -f1)"
