#!/usr/bin/env bash
# scripts/test.sh: the whole check, as CI runs it (.ci/run). Installs what is missing
# (scripts/setup.sh), builds both targets (scripts/build.sh all), then runs every suite and
# exits non-zero if any failed. Each suite prints its runner's own summary:
#   core     ctest over the Catch2 tests in build/native      (tests/core/**/*_test.cpp)
#   check    scripts/check-core.sh: core/ stays portable      (no I/O, no globals, ...)
#   node     node --test tests/node/   the WebAssembly API    (tests/node/*.test.mjs)
#   browser  node --test tests/browser/  the page in Chromium (tests/browser/*.test.mjs)
# A suite whose folder has no test files yet is skipped with a message. Suite logs are
# also written to test-output/<suite>.log. Never reads stdin; works with CI=true.
# Options: --no-setup (skip setup.sh), --no-build (skip build.sh), or suite names to run
# only those (e.g. `scripts/test.sh core check`).
set -euo pipefail
export PARALLAX_SCRIPT='test' # the name log() prints
# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
exec </dev/null

do_setup=1 do_build=1
suites=()
for arg in "$@"; do
  case $arg in
    --no-setup) do_setup=0 ;;
    --no-build) do_build=0 ;;
    core | check | node | browser) suites+=("$arg") ;;
    *) die "unknown argument '$arg' (usage: scripts/test.sh [--no-setup] [--no-build] [core|check|node|browser]...)" ;;
  esac
done
[[ ${#suites[@]} -gt 0 ]] || suites=(core check node browser)

t_all=$(now_s)
[[ $do_setup -eq 1 ]] && bash scripts/setup.sh
[[ $do_build -eq 1 ]] && bash scripts/build.sh all

mkdir -p test-output
declare -A result=() duration=()

# has_files DIR PATTERN...: true when DIR holds at least one file matching a PATTERN.
has_files() {
  local dir=$1; shift
  [[ -d $dir ]] || return 1
  local args=() p
  for p in "$@"; do args+=(${args[@]:+-o} -name "$p"); done
  [[ -n "$(find "$dir" -type f \( "${args[@]}" \) -print -quit)" ]]
}

# suite NAME TIMEOUT CMD...: run CMD (output to the terminal and test-output/NAME.log).
suite() {
  local name=$1 limit=$2; shift 2
  log "suite $name: $*"
  local t rc=0
  t=$(now_s)
  timeout --kill-after=30 "$limit" "$@" 2>&1 | tee "test-output/$name.log" || rc=$?
  duration[$name]=$(elapsed "$t")
  if [[ $rc -eq 0 ]]; then
    result[$name]=passed
  elif [[ $rc -eq 124 ]]; then
    result[$name]="FAILED (timed out after ${limit}s)"
  else
    result[$name]="FAILED (exit $rc)"
  fi
}

skip() { log "suite $1: skipped ($2)"; result[$1]="skipped ($2)"; duration[$1]=0.0; }

for s in "${suites[@]}"; do
  case $s in
    core)
      if has_files tests/core '*_test.cpp'; then
        suite core 900 ctest --test-dir build/native --output-on-failure -j "$PARALLAX_JOBS" --no-tests=error
      else
        skip core "no tests/core/**/*_test.cpp yet"
      fi ;;
    check) suite check 120 bash scripts/check-core.sh ;;
    node)
      if has_files tests/node '*.test.mjs' '*.test.js' '*.test.cjs'; then
        suite node 600 node --test tests/node/
      else
        skip node "no tests/node/*.test.mjs yet"
      fi ;;
    browser)
      if has_files tests/browser '*.test.mjs' '*.test.js' '*.test.cjs'; then
        suite browser 900 node --test --test-concurrency=1 tests/browser/
      else
        skip browser "no tests/browser/*.test.mjs yet"
      fi ;;
  esac
done

echo
log "summary ($(elapsed "$t_all") s in all):"
failed=0
for s in "${suites[@]}"; do
  printf '  %-8s %-40s %6s s\n' "$s" "${result[$s]}" "${duration[$s]}"
  [[ ${result[$s]} == FAILED* ]] && failed=1
done
if [[ $failed -ne 0 ]]; then
  log "some suites FAILED (logs in test-output/)"
  exit 1
fi
log "all suites passed"
