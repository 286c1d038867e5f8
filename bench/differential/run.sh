#!/usr/bin/env bash
# Differential check of Lotse against BSI csaf-validator-lib 2.0.10: for
# every CSAF 2.0 test id the peer implements (6.1.x, 6.2.x, 6.3.x) and every
# file of the OASIS validator corpus (all files testcases.json references)
# and of the OASIS examples (examples/csaf/**), whether each tool reports
# the test failing. Writes an agreement table and the disagreeing pairs.
#
# Re-runnable as is: tests registered in Lotse later are picked up
# automatically (an id Lotse does not know yet is listed as "not registered
# in Lotse"), and nothing is cached except the peer's npm install.
#
# Usage: bash bench/differential/run.sh [LOTSE_BINARY]
# Environment:
#   LOTSE             the lotse binary when no argument is given
#                     (default: build/bench/lotse, what bench/run.sh builds)
#   LOTSE_TESTSUITES  testsuites folder (default: ../shared/testsuites)
#   LOTSE_DIFF_OUT    output folder (default: bench/out/differential)
#   LOTSE_DIFF_JOBS   lotse -j (default: nproc)
# Outputs in LOTSE_DIFF_OUT: agreement.md (tables + disagreeing pairs, ready
# for bench/README.md), disagreements.tsv, peer.jsonl, lotse/ID.jsonl,
# files.txt.
#
# What is not compared: the peer's online tests 6.3.6 and 6.3.7 are not run
# (they send HTTP requests to every URL in the documents; Lotse runs them
# only with --online, which this check does not pass, so Lotse reports them
# skipped). The peer's spell check 6.3.8 runs only when `hunspell` is on
# PATH (otherwise it is listed as not run), with "en" linked to the en_US
# dictionary as the peer's README asks; a language without an installed
# dictionary makes the peer throw, which is counted as "not compared".
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bench=$(dirname "$here")
root=$(dirname "$bench")
lotse=${1:-${LOTSE:-$root/build/bench/lotse}}
testsuites=${LOTSE_TESTSUITES:-$root/../shared/testsuites}
out=${LOTSE_DIFF_OUT:-$bench/out/differential}
jobs=${LOTSE_DIFF_JOBS:-$(nproc)}
csaf_dir="$testsuites/csaf/csaf_2.0"
peer_dir="$bench/peer"

if [[ ! -x $lotse ]]; then
  echo "differential: no lotse binary at $lotse (pass it as the argument or in LOTSE;" \
    "build it with: cmake --build build/bench --target lotse)" >&2
  exit 2
fi
lotse=$(cd "$(dirname "$lotse")" && pwd)/$(basename "$lotse")

# The peer is a test oracle from npm, installed into bench/peer (gitignored)
# exactly as bench/run.sh does; it is never linked into lotse.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "differential: installing Debian nodejs and npm for the peer" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi
if [[ ! -d "$peer_dir/node_modules/@secvisogram/csaf-validator-lib" ]]; then
  npm install --prefix "$peer_dir" --no-audit --no-fund --silent
fi
peer_version=$(node -p "require('$peer_dir/node_modules/@secvisogram/csaf-validator-lib/package.json').version")

rm -rf "$out"
mkdir -p "$out/lotse"
python3 "$here/corpus_files.py" "$csaf_dir" >"$out/files.txt"
mapfile -t files <"$out/files.txt"
echo "differential: ${#files[@]} files, lotse $("$lotse" --version), csaf-validator-lib $peer_version" >&2

skips=(--skip "6.3.6=needs the network" --skip "6.3.7=needs the network")
if ! command -v hunspell >/dev/null; then
  skips+=(--skip "6.3.8=hunspell not installed")
else
  # The peer asks hunspell for a dictionary named after the document's
  # language ("en" for "en", "en_US" for "en-US"); its README says to link
  # "en" to "en_US". Done here in a private DICPATH, not in /usr/share.
  mkdir -p "$out/dictionaries"
  for dir in /usr/share/hunspell /usr/share/myspell; do
    for ext in aff dic; do
      [[ -e $dir/en_US.$ext && ! -e $out/dictionaries/en.$ext ]] && ln -s "$dir/en_US.$ext" "$out/dictionaries/en.$ext"
    done
  done
  export DICPATH="$out/dictionaries${DICPATH:+:$DICPATH}"
fi
mapfile -t tests < <(node "$here/peer_verdicts.mjs" "$peer_dir" --list)

echo "differential: peer, ${#tests[@]} tests per file" >&2
start=$(date +%s)
node "$here/peer_verdicts.mjs" "$peer_dir" "$out/files.txt" "${skips[@]}" >"$out/peer.jsonl"
echo "differential: peer done in $(($(date +%s) - start)) s" >&2

echo "differential: lotse, one run per test" >&2
for id in "${tests[@]}"; do
  # --test after the paths: CLI11 lets a repeatable option swallow the
  # positional arguments that follow it.
  status=0
  "$lotse" validate --format json -j "$jobs" "${files[@]}" --test "$id" \
    >"$out/lotse/$id.jsonl" 2>"$out/lotse/$id.stderr" || status=$?
  if [[ $status -eq 2 ]] && grep -q "unknown test" "$out/lotse/$id.stderr"; then
    mv "$out/lotse/$id.stderr" "$out/lotse/$id.unregistered"
    rm -f "$out/lotse/$id.jsonl"
  elif [[ $status -ne 0 && $status -ne 1 ]]; then
    echo "differential: lotse failed on test $id (exit $status):" >&2
    cat "$out/lotse/$id.stderr" >&2
    exit 2
  fi
done

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git -C "$root" status --porcelain -- src 2>/dev/null) ]]; then
  commit+=" + uncommitted changes in src/"
fi
registered=$(find "$out/lotse" -name '*.jsonl' | wc -l)
cat >"$out/header.md" <<EOF
Date: $(date -I). Lotse: \`$("$lotse" --version)\`, commit \`$commit\`, ${registered} of the
peer's ${#tests[@]} test ids registered. Peer: csaf-validator-lib $peer_version, Node.js
$(node --version). Files: ${#files[@]} (the OASIS validator corpus files that
testcases.json references and the OASIS examples). Command:
\`bash bench/differential/run.sh ${lotse#"$root"/}\`.
EOF
python3 "$here/compare.py" --files "$out/files.txt" --peer "$out/peer.jsonl" \
  --lotse-dir "$out/lotse" --testcases "$csaf_dir/test/validator/data/testcases.json" \
  --base "$csaf_dir" --header "$out/header.md" \
  --out "$out/agreement.md" --pairs "$out/disagreements.tsv"
echo "differential: $(($(wc -l <"$out/disagreements.tsv") - 1)) disagreeing pairs;" \
  "table in $out/agreement.md" >&2
