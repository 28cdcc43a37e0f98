#!/usr/bin/env bash
# scripts/train-tone.sh
# Rebuilds the target-sentiment model of the article stance (owner: "tone"): builds the
# native tools, then runs build/native/parallax-tone on ../shared/data/newsmtsc (train.jsonl;
# dev.jsonl for the figures), prints 5-fold cross-validated accuracy and macro-F1 and the dev
# figures, and writes core/stance/generated/target_model.inc (compiled in: rebuild after).
# Deterministic: the same data gives the same bytes. Skips with a message (exit 0) when the
# data is absent. About a minute.
set -euo pipefail
export PARALLAX_SCRIPT='train-tone' # the name log() prints
# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

data="$PARALLAX_ROOT/../shared/data/newsmtsc"
if [[ ! -f $data/train.jsonl || ! -f $data/dev.jsonl ]]; then
  log "NewsMTSC not found under $data: nothing to train"
  exit 0
fi
bash scripts/build.sh native
run build/native/parallax-tone --train "$data/train.jsonl" --dev "$data/dev.jsonl" \
  --out core/stance/generated/target_model.inc
bash scripts/build.sh native
