#!/usr/bin/env bash
# Installs what building and testing Lotse needs on Debian 12, idempotently:
# when every package is already there it only checks (well under a second).
# Sourced by scripts/run.sh and scripts/test.sh; usable alone.
set -euo pipefail

LOTSE_PACKAGES=(
  g++ cmake ninja-build ccache pkg-config
  clang libclang-rt-14-dev            # sanitizer + libFuzzer build
  libre2-dev libsimdjson-dev libexpected-dev libcli11-dev
  libgtest-dev libgmock-dev nlohmann-json3-dev libbenchmark-dev
  libcurl4-openssl-dev                # URL checks (6.3.6/6.3.7), later fetching
  libhunspell-dev hunspell-en-us hunspell-de-de  # spell check (6.3.8)
  nginx-light openssl                 # loopback web server + test CA for URL tests
  librnp-dev                          # OpenPGP keys and signatures (requirement 19)
  libssl-dev                          # SHA-256/SHA-512 of published documents (requirement 18)
  libsqlite3-dev libpq-dev postgresql # storage: SQLite (embedded), PostgreSQL client + a real server for the tests
  libmicrohttpd-dev                   # lotse serve: the HTTP server
  libsodium-dev                       # lotse serve: argon2id password hashes, random secrets, BLAKE2b token hashes
)

missing=()
for pkg in "${LOTSE_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
