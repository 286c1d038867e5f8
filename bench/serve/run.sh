#!/usr/bin/env bash
# Intake and read latency of `lotse serve` at a fixed open-loop rate, on
# SQLite (a fresh data directory) and on PostgreSQL: the database named by
# LOTSE_BENCH_POSTGRES_URL or, without it, a throw-away PostgreSQL 15
# cluster the script starts on a Unix socket (Debian's server, fsync on as
# in production; as the postgres user when run as root) and removes. Needs build/release/lotse and
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
pg_url="${LOTSE_BENCH_POSTGRES_URL:-}"
pgbin=/usr/lib/postgresql/15/bin
if [ -z "$pg_url" ] && [ -x "$pgbin/postgres" ]; then
  pgdir="$(mktemp -d /tmp/lotse-bench-pg-XXXXXX)"
  as_pg=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$pgdir"
    as_pg=(setpriv --reuid=postgres --regid=postgres --clear-groups --)
  fi
  stop_pg() {
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$pgdir"
  }
  trap stop_pg EXIT
  "${as_pg[@]}" "$pgbin/initdb" -D "$pgdir/data" -U lotse -A trust -E UTF8 >/dev/null
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 \
    -o "-k $pgdir -c listen_addresses=''" start >/dev/null
  "$pgbin/createdb" -h "$pgdir" -U lotse lotse
  pg_url="postgresql:///lotse?host=$pgdir&user=lotse"
fi
if [ -n "$pg_url" ]; then
  run_against "PostgreSQL" --database "$pg_url"
else
  echo "== PostgreSQL: skipped (no LOTSE_BENCH_POSTGRES_URL and no $pgbin/postgres)"
fi
