#!/usr/bin/env bash
# scripts/build.sh [native|wasm|all] [-DNAME=VALUE ...]   (default: all)
# Incremental builds of the two CMake trees from the same sources:
#   native  build/native  core, CLI (build/native/parallax), Catch2 tests (Release)
#   wasm    build/wasm    Embind module build/wasm/parallax-core.js (emcmake, Release), and for
#                         Node parallax-core.wasm + parallax-core-node.js (wasm/split-node.cjs)
# then `node scripts/build-web.mjs` (copies the glue into web/dist/) when that file exists
# and the wasm module was built. Extra -D arguments are passed to CMake's configure step
# (e.g. -DPARALLAX_SANITIZE=ON, -DPARALLAX_WASM_DEBUG=ON) and stay in that tree's cache.
# Run scripts/setup.sh first (scripts/test.sh and scripts/start.sh do).
set -euo pipefail
export PARALLAX_SCRIPT='build' # the name log() prints
# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

mode=all
cmake_args=()
for arg in "$@"; do
  case $arg in
    native | wasm | all) mode=$arg ;;
    -D*) cmake_args+=("$arg") ;;
    -h | --help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$arg' (usage: scripts/build.sh [native|wasm|all] [-DNAME=VALUE ...])" ;;
  esac
done

[[ -f build/third_party/snowball/src_c/stem_UTF_8_english.c && -f build/third_party/utf8proc/utf8proc.c ]] ||
  die "third-party sources missing: run scripts/setup.sh first"

# configured DIR: true when DIR holds a complete configure (a failed one leaves no Makefile).
configured() { [[ -f "$1/CMakeCache.txt" && -f "$1/Makefile" ]]; }

build_native() {
  local t
  t=$(now_s)
  if ! configured build/native || [[ ${#cmake_args[@]} -gt 0 ]]; then
    log "configuring build/native"
    run cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release -DPARALLAX_BUILD_TESTS=ON "${cmake_args[@]}"
  fi
  log "building build/native"
  # cmake --build re-runs the configure step itself when a CMakeLists.txt or a globbed
  # source list changed, and make rebuilds only what changed.
  run cmake --build build/native -j "$PARALLAX_JOBS"
  log "native build done in $(elapsed "$t") s -> build/native/parallax"
}

build_wasm() {
  local t
  t=$(now_s)
  have emcmake || die "emcmake not found: run scripts/setup.sh (apt package emscripten)"
  if ! configured build/wasm || [[ ${#cmake_args[@]} -gt 0 ]]; then
    log "configuring build/wasm (emcmake)"
    run emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release "${cmake_args[@]}"
  fi
  log "building build/wasm"
  run cmake --build build/wasm -j "$PARALLAX_JOBS"
  log "wasm build done in $(elapsed "$t") s -> build/wasm/parallax-core.js (+ parallax-core.wasm, parallax-core-node.js for Node)"
  if [[ -f scripts/build-web.mjs ]]; then
    log "assembling the web page (scripts/build-web.mjs)"
    run node scripts/build-web.mjs
  fi
}

case $mode in
  native) build_native ;;
  wasm) build_wasm ;;
  all) build_native; build_wasm ;;
esac
