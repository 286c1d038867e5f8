#!/usr/bin/env bash
# The main job: set up, build, validate the example advisories kept in
# examples/ (the valid ones must pass; the invalid ones show what findings
# look like), then run the platform with demo data: `lotse serve --demo`
# prints its URL and one account per role, and serves until Ctrl-C.
# LOTSE_DEMO_LISTEN (default 127.0.0.1:8080) and LOTSE_DEMO_DATA (default
# build/demo, emptied at every run: --demo seeds only an empty database).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build/main -G Ninja -DCMAKE_BUILD_TYPE=Release -DLOTSE_TESTS=OFF -DLOTSE_BENCH=OFF >/dev/null
cmake --build build/main --target lotse

echo "== lotse validate --preset basic examples/csaf/valid (schema + mandatory tests; must pass)"
./build/main/lotse validate --preset basic examples/csaf/valid
echo "== lotse validate --preset basic examples/csaf/invalid (each shows its findings)"
status=0
./build/main/lotse validate --preset basic examples/csaf/invalid || status=$?
if [ "$status" -ne 1 ]; then
  echo "run: expected findings (exit 1) for examples/csaf/invalid, got exit $status" >&2
  exit 1
fi
echo "== done: examples validated"

listen=${LOTSE_DEMO_LISTEN:-127.0.0.1:8080}
data=${LOTSE_DEMO_DATA:-build/demo}
rm -rf "$data"
mkdir -p "$data"
echo "== lotse serve --demo --listen $listen --data-dir $data (Ctrl-C stops it)"
exec ./build/main/lotse serve --demo --listen "$listen" --data-dir "$data"
