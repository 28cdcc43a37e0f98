# shellcheck shell=bash
# Shared helpers for scripts/*.sh. Source it; do not run it.
#   . "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# Sets PARALLAX_ROOT (repository root, also the working directory afterwards) and
# exports NODE_PATH so Debian's emcc finds node-acorn (see docs/BUILD.md).

PARALLAX_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export PARALLAX_ROOT
cd "$PARALLAX_ROOT" || exit 1

# Debian's emcc runs its JS tools with the machine's node, which does not look in
# /usr/share/nodejs where Debian installs node-acorn: "Cannot find module 'acorn'".
case ":${NODE_PATH:-}:" in
  *:/usr/share/nodejs:*) ;;
  *) export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}" ;;
esac

# Never prompt (CI=true, no stdin).
export DEBIAN_FRONTEND=noninteractive
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

PARALLAX_JOBS="${PARALLAX_JOBS:-2}"

if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then
  _c_bold=$'\e[1m' _c_red=$'\e[31m' _c_yellow=$'\e[33m' _c_reset=$'\e[0m'
else
  _c_bold='' _c_red='' _c_yellow='' _c_reset=''
fi

# log: a line naming the script, so nested scripts stay readable.
log() { printf '%s[%s]%s %s\n' "$_c_bold" "${PARALLAX_SCRIPT:-parallax}" "$_c_reset" "$*"; }
warn() { printf '%s[%s] warning:%s %s\n' "$_c_yellow" "${PARALLAX_SCRIPT:-parallax}" "$_c_reset" "$*" >&2; }
die() { printf '%s[%s] error:%s %s\n' "$_c_red" "${PARALLAX_SCRIPT:-parallax}" "$_c_reset" "$*" >&2; exit 1; }

# run: print a command, then run it.
run() { printf '  $ %s\n' "$*"; "$@"; }

have() { command -v "$1" >/dev/null 2>&1; }

# as_root CMD...: run CMD as root (directly when root, else through sudo).
as_root() {
  if [[ $EUID -eq 0 ]]; then
    run "$@"
  elif have sudo; then
    run sudo "$@"
  else
    die "need root to run: $*  (run as root, or install sudo)"
  fi
}

# now_s: seconds since the epoch with decimals; elapsed START: seconds since START.
now_s() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now_s)" 'BEGIN { printf "%.1f", b - a }'; }
