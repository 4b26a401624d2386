#!/usr/bin/env bash
# Installs the Debian packages groupfit needs to build and test, only those missing.
# Used by `make demo` and `make test` so that a fresh Debian 12 machine needs no other step.
# Pass --bench to also install what the benchmarks and the Python reference need.
set -euo pipefail

packages=(g++ cmake make libxgboost-dev libcli11-dev libfmt-dev nlohmann-json3-dev
  libfast-float-dev libgtest-dev)
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(python3-pandas python3-xgboost python3-numpy time)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
echo "setup: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
