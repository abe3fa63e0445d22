#!/usr/bin/env bash
# make bench: loads a city-scale demo with BENCH_CASES synthetic cases (default 1,000,000)
# into a throwaway database, starts the release server on a free loopback port and measures
# with wrk, in one run: the trivial /healthz, public intake (POST /api/v1/public/cases), the
# staff case list with filters, and case search. Prints requests/s, p50 and p99 per endpoint
# with its ratio to /healthz, the load time, the database size and the server's RSS.
#
#   bench/run.sh [path/to/tongxin]
#   BENCH_CASES=50000       a quick run
#   BENCH_DURATION=15s BENCH_THREADS=2 BENCH_CONNECTIONS=16 BENCH_WARMUP=3s BENCH_TIMEOUT=30s
#                           wrk settings (a request slower than the timeout counts as an error)
#   BENCH_PG=1              also run on a throwaway PostgreSQL (scripts/pg-test-cluster.sh)
#   BENCH_SQLITE=0          skip SQLite (with BENCH_PG=1: PostgreSQL only)
#   BENCH_KEEP=1            keep the work folder (databases, server logs) for a look after
#   BENCH_DB=sqlite:PATH    measure an already loaded database (of a kept run) instead
#                           (seed-demo with the bench password, then load-cases)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bin=$(realpath -m "${1:-build/tongxin}")
cases=${BENCH_CASES:-1000000}
duration=${BENCH_DURATION:-15s}
warmup=${BENCH_WARMUP:-3s}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-16}
timeout=${BENCH_TIMEOUT:-30s}
pw='Bench-Pass-2026!'
[ -x "$bin" ] || { echo "bench: no server binary at $bin (make build)" >&2; exit 1; }

if ! command -v wrk >/dev/null; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "bench: installing wrk"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk
fi

work=$(mktemp -d /tmp/tongxin-bench.XXXXXX)
pid=""
pg_dir=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [ -n "$pg_dir" ]; then bash "$root/scripts/pg-test-cluster.sh" stop "$pg_dir" || true; fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bench: work folder kept at $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# wrk reports latency as 812.00us, 1.23ms or 1.05s; the table uses milliseconds. "-" when
# no request completed (wrk then prints 0.00us).
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v == "" || v == "0.00us") printf "-"
    else if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.0f", v * 60000 }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.0f", v * 1000 }
    else printf "%s", v }'
}

# table ROWS.tsv: the Markdown table, padded by display width (Chinese counts double).
table() {
  python3 - "$1" <<'PY'
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
def pad(s, n, right=False):
    fill = " " * max(0, n - width(s))
    return fill + s if right else s + fill
head = ["endpoint", "requests/s", "p50 ms", "p99 ms", "vs /healthz", "non-2xx", "errors"]
rows = []
for line in open(sys.argv[1], encoding="utf-8"):
    name, rps, p50, p99, base, non2xx, errors = line.rstrip("\n").split("\t")
    rows.append([name, "%.1f" % float(rps) if float(rps) < 100 else "%.0f" % float(rps), p50, p99,
                 "%.*f %%" % (1 if float(rps) >= 0.01 * float(base) else 3, 100 * float(rps) / float(base)),
                 non2xx, errors])
widths = [max(width(r[i]) for r in rows + [head]) for i in range(len(head))]
print("| " + " | ".join(pad(h, widths[i], i > 0) for i, h in enumerate(head)) + " |")
print("|" + "|".join("-" * (w + 1) + (":" if i > 0 else "-") for i, w in enumerate(widths)) + "|")
for r in rows:
    print("| " + " | ".join(pad(c, widths[i], i > 0) for i, c in enumerate(r)) + " |")
PY
}

# bench_engine LABEL DB_URL [reuse]: one full run against one database.
bench_engine() {
  local label=$1 db=$2 reuse=${3:-}
  local common=(--db "$db" --data-dir "$root/data" --key-file "$work/key-$label")
  local out="$work/$label"
  mkdir -p "$out"
  local loaded
  if [ -z "$reuse" ]; then
    echo
    echo "== $label: seed-demo --scale city, load-cases --count $cases"
    TONGXIN_LOG_LEVEL=warn "$bin" "${common[@]}" seed-demo --scale city --demo-password "$pw" >/dev/null
    local t0 t1
    t0=$(date +%s.%N)
    TONGXIN_LOG_LEVEL=warn "$bin" "${common[@]}" load-cases --count "$cases" | tee "$out/load.log"
    t1=$(date +%s.%N)
    # PostgreSQL plans from statistics; right after a bulk load they still describe an empty
    # table (a status list took 35 ms instead of 0.1 ms) until autovacuum catches up. A real
    # import would do the same.
    if [[ "$db" != sqlite:* ]]; then psql "$db" -qc ANALYZE; fi
    loaded="$cases loaded in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')s ($(
      awk '/rows\/s\)$/ {r=$0} END {sub(/.*\(/, "", r); sub(/\)/, "", r); print r}' "$out/load.log"))"
  else
    loaded="reused database $db"
  fi

  local port base
  port=$(free_port)
  base="http://127.0.0.1:$port"
  # Every request comes from 127.0.0.1, one rate-limit bucket: lift the limit for the run.
  TONGXIN_LOG_LEVEL=warn TONGXIN_PUBLIC_WRITES_PER_HOUR=1000000000 \
    "$bin" "${common[@]}" serve --listen "127.0.0.1:$port" --public-base-url "$base" \
    2>"$out/server.log" &
  pid=$!
  for _ in $(seq 1 600); do curl -fs "$base/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
  curl -fs "$base/readyz" >/dev/null || { echo "bench: server did not become ready" >&2; cat "$out/server.log" >&2; exit 1; }
  local idle_rss
  idle_rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")

  local session
  session=$(curl -fs -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"username\":\"staff\",\"password\":\"$pw\"}" "$base/api/v1/auth/login" |
    sed -n 's/^[Ss]et-[Cc]ookie: tongxin_session=\([^;]*\).*/\1/p' | tr -d '\r')
  [ -n "$session" ] || { echo "bench: staff login failed" >&2; exit 1; }
  local cookie="Cookie: tongxin_session=$session"
  local studio
  studio=$(curl -fs -H "$cookie" "$base/api/v1/studios?limit=1" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

  cat >"$out/intake.lua" <<LUA
-- Public intake: an anonymous matter through a studio's QR code, texts round-robin.
local texts = {
  "小区门口的路灯坏了半个多月，晚上老人出门很不安全，希望尽快修好。",
  "楼下餐馆油烟直排，窗户都不敢开，希望有关部门管一管。",
  "学校门口上下学时段车辆乱停，孩子过马路很危险，建议增设护学岗。",
}
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  local body = string.format('{"text":"%s","studio_id":$studio,"anonymous":true,"consent":true}',
                             texts[(n % #texts) + 1])
  return wrk.format(nil, nil, nil, body)
end
LUA

  # name | path | header or lua script. Intake last: the requests wrk abandons at the end
  # of a run still hold workers and the write lock while they finish.
  local endpoints=(
    "healthz|/healthz|"
    "staff list status=in_progress|/api/v1/cases?status=in_progress&limit=20|$cookie"
    "staff search q=路灯|/api/v1/cases?q=%E8%B7%AF%E7%81%AF&limit=20|$cookie"
    "staff overdue+division 620102|/api/v1/cases?overdue=true&division_code=620102&limit=20|$cookie"
    "public intake (POST)|/api/v1/public/cases|lua:$out/intake.lua"
  )
  # Waits until the server has worked off what wrk left behind and answers a read at once.
  drain() {
    local i
    for i in $(seq 1 900); do
      curl -fs -m 1 -o /dev/null -H "$cookie" "$base/api/v1/cases?limit=1" && return 0
    done
    echo "bench: the server is still busy after 15 minutes" >&2
  }

  # Each endpoint must answer 2xx before it is measured.
  local e name path extra code
  for e in "${endpoints[@]}"; do
    IFS='|' read -r name path extra <<<"$e"
    if [[ "$extra" == lua:* ]]; then
      code=$(curl -s -o "$out/check.json" -w '%{http_code}' -H 'Content-Type: application/json' \
        -d "{\"text\":\"路灯不亮\",\"studio_id\":$studio,\"anonymous\":true,\"consent\":true}" "$base$path")
    elif [ -n "$extra" ]; then
      code=$(curl -s -o "$out/check.json" -w '%{http_code}' -H "$extra" "$base$path")
    else
      code=$(curl -s -o "$out/check.json" -w '%{http_code}' "$base$path")
    fi
    if [[ "$code" != 2* ]]; then
      echo "bench: $name answered $code:" >&2; cat "$out/check.json" >&2; echo >&2; exit 1
    fi
  done

  local healthz_rps="" rps p50 p99 non2xx errors args
  : >"$out/rows.tsv"
  for e in "${endpoints[@]}"; do
    IFS='|' read -r name path extra <<<"$e"
    args=(-t "$threads" -c "$connections" --timeout "$timeout" --latency)
    if [[ "$extra" == lua:* ]]; then
      args+=(-s "${extra#lua:}")
    elif [ -n "$extra" ]; then
      args+=(-H "$extra")
    fi
    if [ "$warmup" != 0 ] && [[ "$extra" != lua:* ]]; then
      wrk "${args[@]}" -d "$warmup" "$base$path" >/dev/null
      drain
    fi
    wrk "${args[@]}" -d "$duration" "$base$path" >"$out/wrk.txt"
    drain
    rps=$(awk '/^Requests\/sec/ {print $2}' "$out/wrk.txt")
    p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out/wrk.txt")")
    p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out/wrk.txt")")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out/wrk.txt")
    # "Socket errors: connect 0, read 0, write 0, timeout 80"
    errors=$(awk -F'[ ,]+' '/Socket errors:/ {print $4 + $6 + $8 + $10}' "$out/wrk.txt")
    [ -z "$healthz_rps" ] && healthz_rps=$rps
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "${p50:--}" "${p99:--}" "$healthz_rps" \
      "${non2xx:-0}" "${errors:-0}" >>"$out/rows.tsv"
    cp "$out/wrk.txt" "$out/wrk-$(wc -l <"$out/rows.tsv").txt"
  done
  local rss
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  local size
  if [[ "$db" == sqlite:* ]]; then
    size=$(du -cb "${db#sqlite:}"* | awk 'END { printf "%.0f MiB", $1 / 1048576 }')
  else
    size=$(psql "$db" -Atc "SELECT pg_size_pretty(pg_database_size(current_database()))")
  fi
  local total
  if [[ "$db" == sqlite:* ]]; then
    total=$(sqlite3 "${db#sqlite:}" "SELECT COUNT(*) FROM cases")
  else
    total=$(psql "$db" -Atc "SELECT COUNT(*) FROM cases")
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""

  {
    echo
    echo "Tongxin benchmark — $label — $(date -u +%FT%TZ), $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg)), wrk -t$threads -c$connections -d$duration --timeout $timeout (warm-up $warmup)"
    echo "cases: $loaded; $total after the run; database $size"
    echo
    table "$out/rows.tsv"
    echo
    echo "server RSS: $((idle_rss / 1024)) MiB at idle, $((rss / 1024)) MiB after the run; binary $(du -h "$bin" | cut -f1)"
  } | tee "$out/table.md"
  cat "$out/table.md" >>"$work/summary.md"
}

if [ -n "${BENCH_DB:-}" ]; then
  bench_engine reused "$BENCH_DB" reuse
elif [ "${BENCH_SQLITE:-1}" = 1 ]; then
  bench_engine sqlite "sqlite:$work/bench.db"
fi
if [ -z "${BENCH_DB:-}" ] && [ "${BENCH_PG:-0}" = 1 ]; then
  # Not inside $work (mode 0700): as root the cluster runs as an unprivileged user.
  pg_dir=$(mktemp -d /tmp/tongxin-bench-pg.XXXXXX)
  pg_url=$(bash "$root/scripts/pg-test-cluster.sh" start "$pg_dir")
  bench_engine postgres "$pg_url"
fi
echo
echo "==== summary"
cat "$work/summary.md"
