#!/usr/bin/env bash
# scripts/train-stance.sh [extra parallax-stance-train arguments]
# Rebuilds the claim-vs-body stance model: builds the native tools, then runs
# build/native/parallax-stance-train on ../shared/data/fnc1 (train_bodies.csv,
# train_stances.csv), prints 5-fold cross-validation grouped by article body (per-class
# F1, macro-F1, FNC-1 score) for several class weightings next to the rule-based baseline
# in the same folds, and writes
#   resources/stance-v1.json   IDF table + two gradient-boosted forests + CV figures
# Deterministic: the same data gives the same bytes. Skips with a message (exit 0) when
# ../shared/data is absent. About 2 minutes of CPU (one core). See docs/stance-claim.md.
set -euo pipefail
export PARALLAX_SCRIPT='train-stance' # the name log() prints
# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

data="$PARALLAX_ROOT/../shared/data"
if [[ ! -f $data/fnc1/train_bodies.csv || ! -f $data/fnc1/train_stances.csv ]]; then
  log "training data not found under $data/fnc1: nothing to train"
  exit 0
fi
bash scripts/build.sh native
run build/native/parallax-stance-train --data "$data" --out resources/stance-v1.json "$@"
