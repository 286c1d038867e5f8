#!/usr/bin/env bash
# `lotse check` benchmark (the issue "Publish as a CSAF trusted provider"):
# the wall time of one `lotse check` of a 5,000-document trusted provider
# served by a real nginx from Debian over TLS on 127.0.0.1 (target < 1.4 s;
# gocsaf's checker took 14.0 s on this machine class).
#
#   1. builds a Release `lotse` (build/h-check-bench);
#   2. generates LOTSE_CHECK_DOCS distinct advisories (bench/publish/
#      generate_advisories.py from the OASIS example bsi-2022-0001; kept and
#      reused) and publishes them with `lotse publish` as a
#      csaf_trusted_provider (signed with a fresh, passphrase-less key);
#   3. makes a CA and a server certificate for psirt.example.com and
#      csaf.data.security.psirt.example.com with openssl and serves the tree
#      with nginx (the server block of docs/provider-nginx.md) on a free
#      port of 127.0.0.1;
#   4. runs `lotse check` with --resolve/--ca-file once to warm up and then
#      LOTSE_CHECK_RUNS times, timed: wall time of each process (median,
#      min, max), user+sys CPU and peak RSS from /usr/bin/time -v, nginx's
#      CPU time. Every run must end with exit status 0 and a report in which
#      the role csaf_trusted_provider is met, requirements 1-20 pass and all
#      documents were checked (valid, hashes and signatures); otherwise the
#      script fails, so a broken check cannot produce a fast number.
#
# Only loopback is contacted; nginx is stopped on exit (trap); every step is
# bounded in time (`timeout`).
#
# Usage: bash bench/check/run.sh
# Environment:
#   LOTSE_CHECK_WORK     scratch folder (default build/h-check-bench/check-bench)
#   LOTSE_CHECK_DOCS     advisories in the provider (default 5000)
#   LOTSE_CHECK_RUNS     timed runs (default 7)
#   LOTSE_CHECK_ARGS     extra arguments for `lotse check` (e.g. "-j 4")
#   LOTSE_CHECK_NGINX_WORKERS  nginx worker_processes (default auto, as in
#                        Debian's /etc/nginx/nginx.conf)
#   LOTSE_CHECK_BASELINE another lotse binary (e.g. one built from an older
#                        commit): each timed run is followed by one of it on
#                        the same tree and server, so that a busy machine
#                        affects both alike; both are summarised
#   LOTSE_CHECK_PERF     1: profile one more run with perf (if installed) and
#                        print where lotse's CPU time goes, by library
#   LOTSE_TESTSUITES     testsuites folder (default ../shared/testsuites)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build="$root/build/h-check-bench"
work=${LOTSE_CHECK_WORK:-$build/check-bench}
docs=${LOTSE_CHECK_DOCS:-5000}
runs=${LOTSE_CHECK_RUNS:-7}
read -r -a extra_args <<<"${LOTSE_CHECK_ARGS:-}"
nginx_workers=${LOTSE_CHECK_NGINX_WORKERS:-auto}
testsuites=${LOTSE_TESTSUITES:-$root/../shared/testsuites}
example="$testsuites/csaf/csaf_2.0/examples/csaf/bsi-2022-0001.json"
[[ -f "$example" ]] || { echo "no $example (set LOTSE_TESTSUITES)" >&2; exit 2; }
[[ -x /usr/sbin/nginx ]] || { echo "no /usr/sbin/nginx (apt-get install nginx-light)" >&2; exit 2; }
have_time=0; [[ -x /usr/bin/time ]] && have_time=1  # GNU time (Debian package `time`)

echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "cpu:     $(lscpu | sed -n 's/^Model name: *//p') ($(nproc) cores), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM"
echo "kernel:  $(uname -r); nginx: $(/usr/sbin/nginx -v 2>&1 | sed 's/.*: //'); $(openssl version | cut -d' ' -f1-2)"
echo "commit:  $(git -C "$root" rev-parse --short HEAD)$( [[ -n $(git -C "$root" status --porcelain -- src bench) ]] && echo ' + uncommitted changes')"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min); busiest processes (%CPU over their lifetime):"
ps -eo pcpu=,comm= --sort=-pcpu | head -5 | awk '{ printf "           %5.1f%% %s\n", $1, $2 }'

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLOTSE_BENCH=OFF -DLOTSE_TESTS=OFF >/dev/null
timeout 3600 cmake --build "$build" -j "${LOTSE_BENCH_JOBS:-2}" --target lotse >/dev/null
lotse="$build/lotse"
echo "lotse:   $("$lotse" --version) ($lotse, Release)"
mkdir -p "$work"

# A free port on 127.0.0.1 (the kernel's choice; nginx binds it right after).
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
host=psirt.example.com
authority="$host:$port"

echo "== $docs advisories, published as csaf_trusted_provider"
inputs="$work/in-$docs"
if [[ ! -f "$inputs/.complete" ]]; then
  rm -rf "$inputs"
  timeout 600 python3 "$here/../publish/generate_advisories.py" "$example" "$inputs" "$docs" CHECK
  touch "$inputs/.complete"
fi
[[ -f "$work/keys/secret.asc" ]] ||
  "$lotse" keys generate --keyring "$work/keys" --name "Bench PSIRT" --email psirt@example.com --no-passphrase >/dev/null
# The canonical URL names the port, so the tree is published afresh for it.
cat >"$work/provider.json" <<JSON
{"canonical_url": "https://$authority/.well-known/csaf/provider-metadata.json",
 "publisher": {"category": "vendor", "name": "Bench PSIRT", "namespace": "https://$host"},
 "role": "csaf_trusted_provider"}
JSON
tree="$work/tree"
rm -rf "$tree"
t0=$(date +%s%N)
published=$(timeout 600 "$lotse" publish --config "$work/provider.json" --keyring "$work/keys" --out "$tree" "$inputs")
t1=$(date +%s%N)
echo "published in $(((t1 - t0) / 1000000)) ms: $(find "$tree/.well-known/csaf" -type f | wc -l) files," \
  "$(du -sm "$tree/.well-known/csaf" | cut -f1) MB"
# Requirement 8: the security.txt line publish prints.
sed -n 's/^.*security.txt: //p' <<<"$published" >"$tree/.well-known/security.txt"
[[ -s "$tree/.well-known/security.txt" ]] || { echo "publish printed no security.txt line" >&2; exit 1; }

echo "== nginx over TLS on 127.0.0.1:$port"
srv="$work/nginx"
rm -rf "$srv"
mkdir -p "$srv"
{
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$srv/ca.key" -out "$srv/ca.pem" \
    -days 2 -subj "/CN=Lotse bench CA" -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$srv/server.key" \
    -out "$srv/server.csr" -subj "/CN=$host"
  printf 'subjectAltName=DNS:%s,DNS:csaf.data.security.%s\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n' \
    "$host" "$host" >"$srv/server.ext"
  openssl x509 -req -in "$srv/server.csr" -CA "$srv/ca.pem" -CAkey "$srv/ca.key" -CAcreateserial -days 2 \
    -out "$srv/server.pem" -extfile "$srv/server.ext"
} >"$srv/openssl.log" 2>&1 || { cat "$srv/openssl.log" >&2; exit 1; }
user=""; [[ $(id -u) == 0 ]] && user="user root;"
# The server block is the one of docs/provider-nginx.md, on 127.0.0.1:$port.
cat >"$srv/nginx.conf" <<NGINX
$user
worker_processes $nginx_workers;
error_log $srv/error.log;
pid $srv/nginx.pid;
events { worker_connections 256; }
http {
  access_log $srv/access.log;
  client_body_temp_path $srv/body; proxy_temp_path $srv/proxy; fastcgi_temp_path $srv/fastcgi;
  uwsgi_temp_path $srv/uwsgi; scgi_temp_path $srv/scgi;
  server {
    listen 127.0.0.1:$port ssl;
    server_name $host csaf.data.security.$host;
    ssl_certificate     $srv/server.pem;
    ssl_certificate_key $srv/server.key;

    root $tree;
    types { application/json json; text/plain txt asc sha256 sha512; text/csv csv; }
    default_type application/octet-stream;

    location / { return 404; }
    location = /.well-known/security.txt { }
    location /.well-known/csaf/ { autoindex on; }
    location = /.well-known/csaf/provider-metadata.json { }
    location = / {
      if (\$host = csaf.data.security.$host) {
        rewrite ^ /.well-known/csaf/provider-metadata.json last;
      }
      return 404;
    }
  }
}
NGINX
/usr/sbin/nginx -p "$srv/" -c "$srv/nginx.conf" -g "daemon off;" >"$srv/nginx.out" 2>&1 &
nginx_pid=$!
stop_nginx() {
  if kill -0 "$nginx_pid" 2>/dev/null; then
    kill -TERM "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
  fi
}
trap stop_nginx EXIT
trap 'exit 130' INT TERM
for ((i = 0; ; ++i)); do
  if ! kill -0 "$nginx_pid" 2>/dev/null; then
    echo "nginx exited: $(cat "$srv/nginx.out" "$srv/error.log" 2>/dev/null)" >&2
    exit 1
  fi
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  ((i < 100)) || { echo "nginx did not listen within 5 s" >&2; exit 1; }
  sleep 0.05
done
# CPU time (user+sys, clock ticks) of nginx's worker processes, children of the master.
nginx_ticks() {
  local total=0 child
  for child in $(pgrep -P "$nginx_pid"); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
tick=$(getconf CLK_TCK)

baseline=${LOTSE_CHECK_BASELINE:-}
[[ -z $baseline || -x $baseline ]] || { echo "LOTSE_CHECK_BASELINE=$baseline is not executable" >&2; exit 2; }
check_cmd=(check "$authority" --format json --ca-file "$srv/ca.pem"
           --resolve "$host:$port:127.0.0.1" --resolve "csaf.data.security.$host:$port:127.0.0.1"
           "${extra_args[@]}")
echo "command: $lotse ${check_cmd[*]}"

# One `lotse check` run of the binary $1: fails the script unless the
# verdict is a pass as trusted provider with every document checked.
# Prints "wall_us user_s sys_s rss_kb".
check_once() {
  local out="$work/report.json" tv="$work/time.txt" rc=0 t0 t1
  t0=$(date +%s%N)
  if ((have_time)); then
    timeout 300 /usr/bin/time -v -o "$tv" "$1" "${check_cmd[@]}" >"$out" || rc=$?
  else
    timeout 300 "$1" "${check_cmd[@]}" >"$out" || rc=$?
  fi
  t1=$(date +%s%N)
  if ((rc != 0)); then
    echo "lotse check exited with status $rc (not a pass as trusted provider):" >&2
    head -c 4000 "$out" >&2
    return 1
  fi
  python3 - "$out" "$docs" <<'PY' || return 1
import json, sys
report, docs = json.load(open(sys.argv[1])), int(sys.argv[2])
req = {r["number"]: r for r in report["requirements"]}
problems = []
if report.get("role") != "csaf_trusted_provider" or report.get("role_satisfied") is not True:
    problems.append(f"role {report.get('role')!r} satisfied={report.get('role_satisfied')}")
for n in range(1, 21):
    if req[n]["verdict"] != "pass":
        problems.append(f"requirement {n}: {req[n]['verdict']}: {req[n]['summary']}")
for n, text in ((1, f"{docs} of {docs} documents are valid"), (18, f"{docs} of {docs} documents have matching hash"),
                (19, f"{docs} of {docs} signatures verify")):
    if not req[n]["summary"].startswith(text):
        problems.append(f"requirement {n}: {req[n]['summary']!r}, expected {text!r}")
if problems:
    sys.exit("the check did not pass as expected:\n  " + "\n  ".join(problems))
PY
  local user=0 sys=0 rss=0
  if ((have_time)); then
    user=$(sed -n 's/^\tUser time (seconds): //p' "$tv")
    sys=$(sed -n 's/^\tSystem time (seconds): //p' "$tv")
    rss=$(sed -n 's/^\tMaximum resident set size (kbytes): //p' "$tv")
  fi
  echo "$(((t1 - t0) / 1000)) $user $sys $rss"
}

echo "== warm-up run (page cache, nginx open)"
read -r wall user sys rss < <(check_once "$lotse") || exit 1
[[ -n ${wall:-} ]] || exit 1
python3 - "$work/report.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["requirements"]:
    if r["number"] in (1, 3, 15, 18, 19):
        print(f"  requirement {r['number']:2} {r['verdict']}: {r['summary']}")
PY
echo "  warm-up: $((wall / 1000)) ms wall"

# One timed run of $1, appended to the file $2 as "wall user sys rss nginx_cpu".
timed_run() {
  local ticks0 ticks1 nginx_cpu wall user sys rss
  ticks0=$(nginx_ticks)
  read -r wall user sys rss < <(check_once "$1") || exit 1
  [[ -n ${wall:-} ]] || exit 1
  ticks1=$(nginx_ticks)
  nginx_cpu=$(awk -v t=$((ticks1 - ticks0)) -v hz="$tick" 'BEGIN { printf "%.2f", t / hz }')
  echo "$wall $user $sys $rss $nginx_cpu" >>"$2"
  printf '  run %d%s: %.3f s wall, %s s user + %s s sys, peak RSS %d MiB, nginx %s s CPU\n' \
    "$i" "$3" "$(awk -v w="$wall" 'BEGIN { print w / 1e6 }')" "$user" "$sys" $((rss / 1024)) "$nginx_cpu"
}
summary() {
  sort -n "$1" | awk -v have_time="$have_time" -v what="$2" '{ w[NR] = $1; c[NR] = $2 + $3; r[NR] = $4; n[NR] = $5 } END {
    m = int((NR + 1) / 2)
    printf "%s: median %.3f s, min %.3f s, max %.3f s wall (%d runs)\n", what, w[m] / 1e6, w[1] / 1e6, w[NR] / 1e6, NR
    if (have_time) {
      for (i = 1; i <= NR; ++i) { cs += c[i]; rs = r[i] > rs ? r[i] : rs; ns += n[i] }
      printf "  lotse user+sys CPU: mean %.2f s per run; peak RSS: max %d MiB; nginx worker CPU: mean %.2f s per run\n", cs / NR, rs / 1024, ns / NR
    }
  }'
}

echo "== $runs timed runs${baseline:+, each followed by one of the baseline $baseline}"
results="$work/runs.txt" baseline_results="$work/runs-baseline.txt"
: >"$results"
: >"$baseline_results"
requests_before=$(wc -l <"$srv/access.log")
for ((i = 1; i <= runs; ++i)); do
  timed_run "$lotse" "$results" ""
  [[ -z $baseline ]] || timed_run "$baseline" "$baseline_results" " (baseline)"
done
requests=$((($(wc -l <"$srv/access.log") - requests_before) / (runs * (${#baseline} ? 2 : 1))))
echo "requests per run (nginx access log): $requests"
summary "$results" "lotse check of $docs documents"
[[ -z $baseline ]] || summary "$baseline_results" "baseline $baseline"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ ${LOTSE_CHECK_PERF:-0} == 1 ]] && command -v perf >/dev/null; then
  echo "== where lotse's CPU time goes (perf record of one more run; share of samples by library)"
  timeout 300 perf record -q -F 999 -o "$work/perf.data" -- "$lotse" "${check_cmd[@]}" >"$work/report.json" 2>"$work/perf.log" ||
    { echo "the profiled run failed: $(cat "$work/perf.log")" >&2; exit 1; }
  perf report -i "$work/perf.data" --no-children --sort dso 2>/dev/null | grep -v '^#' | grep -v '^$' | head -12
fi
