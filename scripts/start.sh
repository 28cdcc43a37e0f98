#!/usr/bin/env bash
# scripts/start.sh [--no-open] [--port N]: install what is missing, build (incremental),
# then serve the repository root on http://127.0.0.1 (first free port from 8080, or N)
# with scripts/serve.mjs. Prints the page's http:// URL and its file:// path (the page
# also works opened from disk). Opens a browser with xdg-open only when a display exists
# (DISPLAY or WAYLAND_DISPLAY set) and --no-open was not given. Ctrl-C stops the server.
set -euo pipefail
export PARALLAX_SCRIPT='start' # the name log() prints
# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

open=1
serve_args=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --no-open) open=0 ;;
    --port) [[ $# -ge 2 ]] || die "--port needs a number"; serve_args+=(--port "$2"); shift ;;
    --port=*) serve_args+=(--port "${1#--port=}") ;;
    -h | --help) sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (usage: scripts/start.sh [--no-open] [--port N])" ;;
  esac
  shift
done

bash scripts/setup.sh
bash scripts/build.sh all

page=index.html
[[ -f $page ]] || warn "$page does not exist yet: the server starts anyway"
if [[ $open -eq 1 && ( -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ) ]] && have xdg-open; then
  serve_args+=(--open)
fi
# exec: Ctrl-C goes straight to the server, which stops cleanly.
exec node scripts/serve.mjs --root "$PARALLAX_ROOT" --page "$page" "${serve_args[@]}"
