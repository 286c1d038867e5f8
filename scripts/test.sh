#!/usr/bin/env bash
# All tests: set up, then
#   1. the release build (g++) and its tests,
#   2. the same tests built with clang under AddressSanitizer + UBSan,
#   3. each libFuzzer target for a short smoke run (60 s each, <= 3 min).
# Shared test data: $LOTSE_TESTSUITES, default ../shared/testsuites.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc)

echo "== release build and tests (g++)"
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/release -j "$jobs"
ctest --test-dir build/release --output-on-failure -j "$jobs"
# The JSON-Schema-Test-Suite tally per dialect (ctest keeps passing output
# quiet); a second, quick run of just those cases.
build/release/tests/schema_tests --gtest_filter='JsonSchemaTestSuite*' | grep 'passed,'

echo "== sanitizer build and tests (clang, ASan + UBSan, fuzz targets)"
CC=clang CXX=clang++ cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS="-O1" -DLOTSE_SANITIZE=ON -DLOTSE_FUZZ=ON -DLOTSE_BENCH=OFF >/dev/null
cmake --build build/asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/asan --output-on-failure -j "$jobs"

echo "== fuzz smoke"
# 150 s in all, shared by the targets (CI budget: at most 3 minutes).
targets=(build/asan/fuzz/*_fuzzer)
fuzz_seconds=${LOTSE_FUZZ_SECONDS:-$((150 / ${#targets[@]}))}
for target in "${targets[@]}"; do
  name=$(basename "$target")
  corpus="build/asan/fuzz-corpus/$name"
  mkdir -p "$corpus"
  echo "-- $name (${fuzz_seconds}s)"
  "$target" -max_total_time="$fuzz_seconds" -timeout=25 -max_len=65536 -rss_limit_mb=2048 \
    -print_final_stats=0 -artifact_prefix="build/asan/" \
    "$corpus" "fuzz/seeds/${name%_fuzzer}" 2>&1 | tail -n 3
done
echo "== all tests passed"
