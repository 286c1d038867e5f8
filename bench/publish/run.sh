#!/usr/bin/env bash
# Publish benchmarks (the issue "Publish as a CSAF trusted provider", item 3):
#   1. initial publish of 10,000 generated advisories (validation, signing,
#      hashes, listings, feed): one `lotse publish` run, wall time;
#   2. adding one advisory to a tree of 100,000: the tree is built once
#      (kept in $work/tree-100k and reused), then each of LOTSE_PUBLISH_ADDS
#      new advisories is added by its own `lotse publish` run; median, min
#      and max wall time (the process start-up, key loading and the basic
#      preset included: what a user waits for);
#   3. adding one advisory older than the newest published one: the feed
#      cannot take it in place (feed.hpp) and is written whole, the cost
#      every addition also pays once the feed's gap is used up (roughly
#      every N/35 additions); LOTSE_PUBLISH_WHOLE runs (default 3).
#
# Usage: bash bench/publish/run.sh
# Environment:
#   LOTSE_PUBLISH_WORK   scratch folder (default build/h-pub-bench/publish-bench;
#                        the 100k tree takes ~1.5 GB)
#   LOTSE_PUBLISH_ADDS   timed additions (default 10)
#   LOTSE_BENCH_CORE     core to pin to (default 0)
#   LOTSE_TESTSUITES     testsuites folder (default ../shared/testsuites)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build="$root/build/h-pub-bench"
work=${LOTSE_PUBLISH_WORK:-$build/publish-bench}
adds=${LOTSE_PUBLISH_ADDS:-10}
whole=${LOTSE_PUBLISH_WHOLE:-3}
core=${LOTSE_BENCH_CORE:-0}
testsuites=${LOTSE_TESTSUITES:-$root/../shared/testsuites}
example="$testsuites/csaf/csaf_2.0/examples/csaf/bsi-2022-0001.json"

echo "date:   $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "cpu:    $(lscpu | sed -n 's/^Model name: *//p') ($(nproc) cores)"
echo "disk:   $(df -hT "$root" | awk 'NR==2 {print $2 " on " $1}')"
echo "commit: $(git -C "$root" rev-parse --short HEAD)$( [[ -n $(git -C "$root" status --porcelain -- src bench) ]] && echo ' + uncommitted changes')"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLOTSE_BENCH=OFF -DLOTSE_TESTS=OFF >/dev/null
cmake --build "$build" --target lotse >/dev/null
lotse="$build/lotse"
mkdir -p "$work"
cat >"$work/provider.json" <<'JSON'
{"canonical_url": "https://psirt.example.com/.well-known/csaf/provider-metadata.json",
 "publisher": {"category": "vendor", "name": "Example PSIRT", "namespace": "https://psirt.example.com"},
 "role": "csaf_trusted_provider"}
JSON
[[ -f "$work/keys/secret.asc" ]] ||
  "$lotse" keys generate --keyring "$work/keys" --name "Bench PSIRT" --email psirt@example.com --no-passphrase >/dev/null
publish() { taskset -c "$core" "$lotse" publish --config "$work/provider.json" --keyring "$work/keys" --out "$@" >/dev/null; }
ms() { echo $((($2 - $1) / 1000000)); }

echo "== initial publish of 10,000 advisories (one run, with signing)"
[[ -d "$work/in-10k" ]] || python3 "$here/generate_advisories.py" "$example" "$work/in-10k" 10000 A
rm -rf "$work/tree-10k"
sync
t0=$(date +%s%N); publish "$work/tree-10k" "$work/in-10k"; t1=$(date +%s%N)
echo "initial publish 10,000: $(ms "$t0" "$t1") ms"

echo "== adding one advisory to a 100,000-advisory tree"
if [[ ! -f "$work/tree-100k/.lotse/folders.json" ]]; then
  [[ -d "$work/in-100k" ]] || python3 "$here/generate_advisories.py" "$example" "$work/in-100k" 100000 B
  t0=$(date +%s%N); publish "$work/tree-100k" "$work/in-100k"; t1=$(date +%s%N)
  echo "(built the 100k tree once: $(ms "$t0" "$t1") ms)"
fi
echo "feed: $(stat -c %s "$work/tree-100k/.well-known/csaf/white/csaf-feed-tlp-white.json") bytes," \
  "index.txt: $(wc -l <"$work/tree-100k/.well-known/csaf/white/index.txt") lines"
# New advisories, each newer than every published one (the usual case);
# numbered after those already added by earlier runs of this script.
next=$(find "$work" -maxdepth 1 -name 'add-*' | wc -l)
times=()
for ((i = 0; i < adds; i++)); do
  n=$((next + i))
  python3 "$here/generate_advisories.py" "$example" "$work/add-$n" 1 C $((200000 + n))
  sync
  t0=$(date +%s%N); publish "$work/tree-100k" "$work/add-$n"; t1=$(date +%s%N)
  times+=($((($t1 - $t0) / 1000)))
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END {
  printf "add one to 100,000: median %.1f ms, min %.1f ms, max %.1f ms (%d runs)\n",
         t[int((NR + 1) / 2)] / 1000, t[1] / 1000, t[NR] / 1000, NR }'
echo "index.txt now: $(wc -l <"$work/tree-100k/.well-known/csaf/white/index.txt") lines"

echo "== adding one advisory older than the newest (the feed written whole)"
older=$(find "$work" -maxdepth 1 -name 'older-*' | wc -l)
slow=()
for ((i = 0; i < whole; i++)); do
  n=$((older + i))
  # Dated between the 100k tree's advisories: listed in the middle.
  python3 "$here/generate_advisories.py" "$example" "$work/older-$n" 1 E $((50000 + n))
  sync
  t0=$(date +%s%N); publish "$work/tree-100k" "$work/older-$n"; t1=$(date +%s%N)
  slow+=("$(ms "$t0" "$t1") ms")
done
echo "add one older advisory to 100,000 (feed written whole): ${slow[*]}"
