#!/usr/bin/env bash
# Intake and read latency of `lotse serve` at a fixed open-loop rate, on
# SQLite (a fresh data directory) and, with LOTSE_BENCH_POSTGRES_URL set,
# on that PostgreSQL database. Needs build/release/lotse and
# build/bench-serve/bench/serve_load (see bench/README.md, "Serving").
# Knobs: LOTSE_BENCH_RATE (default 500), LOTSE_BENCH_SECONDS (default 10).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
lotse="$root/build/release/lotse"
load="$root/build/bench-serve/bench/serve_load"
rate="${LOTSE_BENCH_RATE:-500}"
seconds="${LOTSE_BENCH_SECONDS:-10}"
port=18931

run_against() {  # $1: label, rest: lotse serve database options
  local label="$1"; shift
  "$lotse" serve --listen "127.0.0.1:$port" --intake-limit 0 "$@" > /tmp/lotse-bench-serve.log 2>&1 &
  local pid=$!
  trap 'kill $pid 2>/dev/null || true' RETURN
  for _ in $(seq 100); do grep -q "listening on" /tmp/lotse-bench-serve.log && break; sleep 0.1; done
  echo "== $label"
  "$load" "http://127.0.0.1:$port" intake "$rate" "$seconds" || true
  "$load" "http://127.0.0.1:$port" read "$rate" "$seconds" || true
  kill -TERM "$pid"; wait "$pid" || true
}

data="$(mktemp -d /tmp/lotse-bench-XXXXXX)"
run_against "SQLite" --data-dir "$data"
rm -rf "$data"
if [ -n "${LOTSE_BENCH_POSTGRES_URL:-}" ]; then
  run_against "PostgreSQL" --database "$LOTSE_BENCH_POSTGRES_URL"
fi
