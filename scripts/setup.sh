#!/usr/bin/env bash
# scripts/setup.sh: install and fetch everything the build needs. Idempotent: each step
# checks first and does nothing when its result is already there (a no-op run takes
# well under a second). Steps:
#   1. apt packages (only the missing ones; `apt-get update` only if something is missing)
#   2. deb-src entry + Debian source packages snowball and utf8proc -> build/third_party/
#   3. the English UTF-8 Snowball stemmer, generated into build/third_party/snowball/src_c/
#   4. npm packages (npm ci) when node_modules is missing or package*.json changed since
# Steps 1-2 need root when something is missing (as root directly, otherwise via sudo).
set -euo pipefail
export PARALLAX_SCRIPT='setup' # the name log() prints
# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

# What each package is for: see docs/BUILD.md.
APT_PACKAGES=(
  cmake g++ make          # native build (core, CLI, tests); make also drives snowball's generator
  emscripten              # WebAssembly build (emcc 3.1.6, clang-14, binaryen, node-acorn)
  nlohmann-json3-dev      # JSON (header-only), used by both builds
  catch2                  # C++ unit tests (v2)
  dpkg-dev                # dpkg-source, which `apt-get source` needs to unpack source packages
  chromium                # browser tests (driven by playwright-core)
  fonts-liberation        # metric-compatible Arial/Times/Courier for stable page screenshots
  parallel                # GNU parallel: the JSONL modes across processes/hosts (docs/scale.md, its test)
)
TP_DIR="$PARALLAX_ROOT/build/third_party"
SNOWBALL_DIR="$TP_DIR/snowball"
UTF8PROC_DIR="$TP_DIR/utf8proc"

t_start=$(now_s)
did_something=0
apt_updated=0

apt_update_once() {
  if [[ $apt_updated -eq 0 ]]; then
    as_root apt-get update -q
    apt_updated=1
  fi
}

# ---- 1. apt packages ------------------------------------------------------------------
missing_apt_packages() {
  # dpkg-query prints one "name status" line per known package; unknown ones go to stderr.
  local installed
  # dpkg-query exits non-zero when some package is unknown (never installed): that is the
  # case we are looking for, so its status must not end the function (set -e, pipefail).
  installed=$({ dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${APT_PACKAGES[@]}" 2>/dev/null || true; } |
    awk '$2 == "installed" { print $1 }')
  local p
  for p in "${APT_PACKAGES[@]}"; do
    grep -qx "$p" <<<"$installed" || printf '%s\n' "$p"
  done
}

mapfile -t missing < <(missing_apt_packages)
if [[ ${#missing[@]} -gt 0 ]]; then
  log "installing apt packages: ${missing[*]}"
  apt_update_once
  as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
  did_something=1
fi

# ---- 2. Debian source packages ----------------------------------------------------------
have_sources_index() {
  # True when apt knows where to get source package $1 (a deb-src entry + its index).
  apt-cache showsrc "$1" 2>/dev/null | grep -q '^Package:'
}

ensure_deb_src() {
  local deb822=/etc/apt/sources.list.d/debian.sources
  if [[ -f $deb822 ]]; then
    if grep -qE '^Types:.*\bdeb\b' "$deb822" && ! grep -qE '^Types:.*deb-src' "$deb822"; then
      log "adding deb-src to $deb822 (Types: deb deb-src)"
      as_root sed -i -E 's/^Types:[[:space:]]*deb[[:space:]]*$/Types: deb deb-src/' "$deb822"
    fi
  elif [[ -f /etc/apt/sources.list ]] && grep -qE '^deb ' /etc/apt/sources.list &&
    ! grep -qsE '^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list; then
    local list=/etc/apt/sources.list.d/parallax-deb-src.list
    log "adding deb-src entries to $list"
    sed -n -E 's/^deb (.*)$/deb-src \1/p' /etc/apt/sources.list >"${TMPDIR:-/tmp}/parallax-deb-src.list"
    as_root install -m 0644 "${TMPDIR:-/tmp}/parallax-deb-src.list" "$list"
  fi
}

# fetch_source NAME LINK MARKER: make LINK a symlink to the unpacked source of Debian source
# package NAME (under build/third_party/src/), unless LINK/MARKER already exists.
fetch_source() {
  local name=$1 link=$2 marker=$3
  [[ -e "$link/$marker" ]] && return 0
  did_something=1
  if ! have_sources_index "$name"; then
    ensure_deb_src
    apt_updated=0 # the source indexes come with a fresh update, even after step 1's
    apt_update_once
    have_sources_index "$name" || die "apt has no source package '$name' (is a deb-src entry configured?)"
  fi
  local src="$TP_DIR/src"
  mkdir -p "$src"
  # Drop a half-unpacked earlier attempt.
  rm -rf "$src/$name"-[0-9]*/ "$link"
  log "fetching Debian source package $name into ${src#"$PARALLAX_ROOT"/}"
  local sandbox=()
  # As root apt downloads as user _apt, which cannot write here: download as root instead.
  [[ $EUID -eq 0 ]] && sandbox=(-o APT::Sandbox::User=root)
  (cd "$src" && run apt-get source -q "${sandbox[@]}" "$name")
  local dir
  dir=$(cd "$src" && find . -maxdepth 1 -type d -name "$name-[0-9]*" -printf '%f\n' | sort -V | tail -n 1)
  [[ -n $dir && -e "$src/$dir/$marker" ]] || die "apt-get source $name did not unpack $marker"
  ln -sfn "src/$dir" "$link"
  log "linked ${link#"$PARALLAX_ROOT"/} -> src/$dir"
}

mkdir -p "$TP_DIR"
fetch_source snowball "$SNOWBALL_DIR" algorithms/english.sbl
fetch_source utf8proc "$UTF8PROC_DIR" utf8proc.c

# ---- 3. Snowball English stemmer (generated C) ------------------------------------------
# Builds only the snowball compiler and runs it on algorithms/english.sbl (~5 s),
# instead of `make libstemmer.a` (every language, ~20 s). Cached: skipped once generated.
if [[ ! -s "$SNOWBALL_DIR/src_c/stem_UTF_8_english.c" || ! -s "$SNOWBALL_DIR/src_c/stem_UTF_8_english.h" ]]; then
  log "generating the Snowball English stemmer (src_c/stem_UTF_8_english.c)"
  t_snowball=$(now_s)
  # Debian's shared-library.diff makes every %.o rule compile twice (plain and -fPIC for
  # libstemmer.so). The compiler needs only the plain objects: a later pattern rule with the
  # same target and prerequisites replaces the earlier one, which halves the work.
  # shellcheck disable=SC2016 # make variables, not shell ones
  printf '%%.o: %%.c\n\t$(CC) $(CFLAGS) $(CPPFLAGS) -c -o $@ $<\n' >"$TP_DIR/snowball-no-pic.mk"
  run make -C "$SNOWBALL_DIR" -f GNUmakefile -f "$TP_DIR/snowball-no-pic.mk" -j"$PARALLAX_JOBS" \
    --no-print-directory src_c/stem_UTF_8_english.c src_c/stem_UTF_8_english.h \
    >"$TP_DIR/snowball-build.log" 2>&1 ||
    { cat "$TP_DIR/snowball-build.log" >&2; die "snowball generation failed"; }
  log "snowball stemmer generated in $(elapsed "$t_snowball") s (log: build/third_party/snowball-build.log)"
  did_something=1
fi

# ---- 4. npm packages ---------------------------------------------------------------------
# node_modules is current when its stamp holds the hash of package.json + package-lock.json.
if [[ -f package.json ]]; then
  have npm || die "npm not found (Node 20 with npm is expected to be installed)"
  stamp=node_modules/.parallax-setup-stamp
  want=$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)
  if [[ ! -d node_modules || ! -f $stamp || "$(cat "$stamp")" != "$want" ]]; then
    if [[ -f package-lock.json ]]; then
      log "installing npm packages (npm ci)"
      run npm ci --no-audit --no-fund
    else
      log "installing npm packages (npm install: no package-lock.json yet)"
      run npm install --no-audit --no-fund
      want=$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)
    fi
    mkdir -p node_modules
    printf '%s\n' "$want" >"$stamp"
    did_something=1
  fi
fi

if [[ $did_something -eq 0 ]]; then
  log "everything present, nothing to do ($(elapsed "$t_start") s)"
else
  log "done in $(elapsed "$t_start") s"
fi
