#!/usr/bin/env bash
# Builds the Lotse benchmarks in a Release tree (build/bench), runs them on
# one core and measures CLI start-up. Results go to the terminal and to
# bench/out/ (gitignored); nothing else is written outside build/bench.
#
# Usage: bash bench/run.sh
# Environment:
#   LOTSE_TESTSUITES          testsuites folder (default: ../shared/testsuites)
#   LOTSE_BENCH_JOBS          build parallelism (default: nproc)
#   LOTSE_BENCH_CORE          core to pin the benchmarks to (default: 0)
#   LOTSE_BENCH_REPETITIONS   repetitions per benchmark (default: 3; the
#                             median is the figure to quote)
#   LOTSE_BENCH_FILTER        --benchmark_filter regex (default: all)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
build="$root/build/bench"
out="$here/out"
jobs=${LOTSE_BENCH_JOBS:-$(nproc)}
core=${LOTSE_BENCH_CORE:-0}
reps=${LOTSE_BENCH_REPETITIONS:-3}
filter=${LOTSE_BENCH_FILTER:-.}
testsuites=${LOTSE_TESTSUITES:-$root/../shared/testsuites}
export LOTSE_TESTSUITES="$testsuites"

mkdir -p "$out"

section() { printf '\n== %s ==\n' "$1"; }

section "machine"
{
  echo "date:   $(date -I)"
  echo "nproc:  $(nproc)"
  echo "cpu:    $(lscpu | sed -n 's/^Model name: *//p')"
  echo "ram:    $(free -h | awk '/^Mem:/ {print $2}')"
  echo "load:   $(cut -d' ' -f1-3 /proc/loadavg) (other work on the cores skews wall time; quote CPU time)"
  commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
  # Uncommitted changes to the measured code make the figures unreproducible
  # from the commit alone: say so.
  if [[ -n $(git -C "$root" status --porcelain -- src bench CMakeLists.txt 2>/dev/null) ]]; then
    commit+=" + uncommitted changes"
  fi
  echo "commit: $commit"
  echo "cxx:    $(c++ --version | head -1)"
} | tee "$out/machine.txt"

section "build (Release, $build)"
# Release, not the repository's default RelWithDebInfo: the figures must be
# those of a shipped binary.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLOTSE_TESTS=OFF \
  >"$out/cmake.log"
ninja -C "$build" -j "$jobs" schema_bench parser_bench lotse generate_advisory

# Google Benchmark's own options: repetitions with aggregates, full JSON
# (every repetition) for later comparison.
run_bench() {
  local name=$1
  section "$name (taskset -c $core)"
  taskset -c "$core" "$build/bench/$name" \
    --benchmark_filter="$filter" \
    --benchmark_repetitions="$reps" \
    --benchmark_display_aggregates_only=true \
    --benchmark_out="$out/$name.json" --benchmark_out_format=json \
    | tee "$out/$name.txt"
}
run_bench schema_bench
run_bench parser_bench

section "peer: BSI csaf-validator-lib 2.0.10, presets basic and full (taskset -c $core)"
# The peer is a test oracle from npm, installed here into bench/peer
# (gitignored) and never linked into lotse. Its time is taken after its
# module has loaded, on the same corpus and the same generated advisory.
# Its spell check (6.3.8) runs the `hunspell` program (Debian package) and
# finds dictionaries through DICPATH: "en"/"de" are linked to en_US/de_DE,
# the dictionaries Lotse picks for those tags.
need=()
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
command -v hunspell >/dev/null || need+=(hunspell)
if ((${#need[@]})); then
  echo "run.sh: installing Debian ${need[*]} for the peer" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
if [[ ! -d "$here/peer/node_modules/@secvisogram/csaf-validator-lib" ]]; then
  npm install --prefix "$here/peer" --no-audit --no-fund --silent
fi
mkdir -p "$out/dict"
for pair in en:en_US de:de_DE; do
  for ext in aff dic; do
    ln -sf "/usr/share/hunspell/${pair#*:}.$ext" "$out/dict/${pair%%:*}.$ext"
  done
done
"$build/bench/generate_advisory" 50000 >"$out/advisory-50000.json"
examples="$testsuites/csaf/csaf_2.0/examples/csaf"
{
  taskset -c "$core" node "$here/peer/preset_bench.mjs" basic "$examples" 1000 "$out/advisory-50000.json"
  DICPATH="$out/dict" taskset -c "$core" node "$here/peer/preset_bench.mjs" --skip=6.3.8 full "$examples" 1000
  # With the spell check the peer manages about one document a second:
  # 100 documents (~2.5 minutes) give its rate.
  DICPATH="$out/dict" taskset -c "$core" node "$here/peer/preset_bench.mjs" full "$examples" 100
} | tee "$out/peer.jsonl"

section "start-up (taskset -c $core)"
lotse="$build/lotse"
# The smallest OASIS example: the run is dominated by start-up (including
# compiling the CSAF schema on first use), not by validating.
small=$(find "$testsuites/csaf/csaf_2.0/examples/csaf" -name '*.json' -printf '%s %p\n' \
  | sort -n | head -1 | cut -d' ' -f2-)
echo "document: $small ($(stat -c %s "$small") bytes)"
if command -v hyperfine >/dev/null && [[ -z ${LOTSE_BENCH_NO_HYPERFINE:-} ]]; then
  hyperfine --shell=none --warmup 3 --runs 20 \
    --export-json "$out/startup.json" \
    "taskset -c $core $lotse --version" \
    "taskset -c $core $lotse validate $small" | tee "$out/startup.txt"
else
  # No hyperfine: 20 timed runs each, after 3 warm-up runs.
  measure() {
    local label=$1
    shift
    for _ in 1 2 3; do
      "$@" >/dev/null 2>&1 || { echo "run.sh: failed: $*" >&2; return 1; }
    done
    for _ in $(seq 20); do
      local t0 t1
      t0=$(date +%s%N)
      "$@" >/dev/null 2>&1
      t1=$(date +%s%N)
      echo $(((t1 - t0) / 1000))
    done | sort -n | awk -v label="$label" '
      { us[NR] = $1; sum += $1 }
      END { printf "%-28s mean %.2f ms  median %.2f ms  min %.2f ms  max %.2f ms  (%d runs)\n",
                   label, sum / NR / 1000, us[int((NR + 1) / 2)] / 1000, us[1] / 1000,
                   us[NR] / 1000, NR }'
  }
  {
    echo "(hyperfine not installed: date +%s%N loop; includes fork/exec of taskset)"
    measure "lotse --version" taskset -c "$core" "$lotse" --version
    measure "lotse validate <small>" taskset -c "$core" "$lotse" validate "$small"
  } | tee "$out/startup.txt"
fi

section "done"
echo "results: $out"
