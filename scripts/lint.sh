#!/usr/bin/env bash
# The style checks CI runs after the tests: every C++ file in clang-format's layout, and
# clang-tidy (.clang-tidy: the checks the code passes) on the source files changed recently —
# by default those touched by commits of the last 24 hours, a session's work; LINT_ALL=1 checks
# every file (about 8 s a file on this machine). Needs a configured build folder ($1, for
# compile_commands.json).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}

files=$(git ls-files '*.cpp' '*.hpp')
# shellcheck disable=SC2086
clang-format --dry-run -Werror $files
echo "lint: clang-format: $(echo "$files" | wc -w) files in layout"

if [[ "${LINT_ALL:-0}" == 1 ]]; then
  changed=$(git ls-files 'src/*.cpp')
else
  changed=$(git log --since=24.hours --name-only --pretty=format: -- 'src/*.cpp' | sort -u)
fi
targets=()
for f in $changed; do [[ -f "$f" ]] && targets+=("$f"); done
if [[ ${#targets[@]} -eq 0 ]]; then
  echo "lint: clang-tidy: no source file changed"
  exit 0
fi
# -Wno-unknown-warning-option: the build's GCC-only flags (-Wno-restrict) are not clang's.
printf '%s\n' "${targets[@]}" | xargs -P "$(nproc)" -n 1 \
  clang-tidy -p "$build" --quiet --extra-arg=-Wno-unknown-warning-option 2>/dev/null
echo "lint: clang-tidy: ${#targets[@]} files clean"
