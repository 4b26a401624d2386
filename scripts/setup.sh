#!/usr/bin/env bash
# Installs the Debian packages groupfit needs to build and test, only those missing.
# Used by `make demo` and `make test` so that a fresh Debian 12 machine needs no other step.
# Options add packages: --bench what the benchmarks and the Python reference need; --notebook
# also what executing the case-study notebook needs (`make test` runs it on a tiny workload);
# --case-study also headless Chromium, which prints the notebook to PDF; --fuzz clang and its
# runtime libraries (libFuzzer, ASan, UBSan), for `make fuzz`; --lint clang-format and
# clang-tidy, for `make lint`; --npm Node.js and npm, which install the test-only npm packages
# (scripts/npm_tools.sh); --mpi OpenMPI, for --executor mpi and its tests (`make test` asks for
# it; a build without it refuses that executor). The Python module (python/) is built whenever
# pybind11 is found, so its headers are in the base set; --notebook (what `make test` asks for)
# adds what its tests import.
set -euo pipefail

packages=(g++ cmake make libxgboost-dev libcli11-dev libfmt-dev nlohmann-json3-dev
  libfast-float-dev libgtest-dev zlib1g-dev libzstd-dev libsnappy-dev liblz4-dev libbrotli-dev
  python3-dev pybind11-dev python3-pybind11)
bench=(python3-pandas python3-xgboost python3-numpy time)
notebook=("${bench[@]}" python3-matplotlib jupyter-nbconvert python3-ipykernel python3-pytest
  python3-tqdm)
for option in "$@"; do
  case "$option" in
    --bench) packages+=("${bench[@]}") ;;
    --notebook) packages+=("${notebook[@]}") ;;
    --case-study) packages+=("${notebook[@]}" chromium fonts-dejavu-core) ;;
    --fuzz) packages+=(clang libclang-rt-14-dev) ;;
    --lint) packages+=(clang-format clang-tidy) ;;
    # Node.js may come from elsewhere (NodeSource bundles npm): only a missing command counts.
    --mpi) packages+=(libopenmpi-dev openmpi-bin) ;;
    --npm) command -v npm >/dev/null || packages+=(nodejs npm) ;;
    *) echo "setup.sh: unknown option $option" >&2; exit 2 ;;
  esac
done

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
