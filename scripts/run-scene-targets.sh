#!/usr/bin/env bash
# Trains the issue-3 target table on the real-audio scene benchmark (docs/scene-benchmark.md):
# dcase-baseline and audio-vgg with standard, separable, compact max and compact mean (r 2), plus a
# parameter-matched compact max row per model, all with one recipe, for every seed in SEEDS. The best
# epoch of each run is chosen on validation clips held out of the training split by source recording
# (--validation-fraction); the test split is read once, by `eval --best`. Prints a markdown table of
# parameters, MACs, best validation accuracy and test accuracy (mean ± sd over seeds) at the end.
# Re-running is safe: finished runs are kept, interrupted ones resume from their last checkpoint.
#
# usage: scripts/run-scene-targets.sh [DATA_DIR] [RUNS_DIR]
#   DATA_DIR  the benchmark in TAU 2019 layout (default $HOME/compactconv-data/scenes/tau-layout,
#             made by scripts/build-scene-benchmark.sh)
#   RUNS_DIR  where the run folders go (default $HOME/compactconv-runs/scenes)
# environment: EPOCHS_DCASE (default 40), EPOCHS_VGG (default 24), SEEDS (default "0 1"),
#              VALIDATION (validation fraction, default 0.25: the benchmark's training scenes come
#              from two to four background recordings each, and a smaller share holds out none),
#              ONLY (substring of run names to run), SKIP (space-separated run names to leave out)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$HOME/compactconv-data/scenes/tau-layout}
runs=${2:-$HOME/compactconv-runs/scenes}
[ -f "$data/meta.csv" ] || { echo "error: $data/meta.csv not found; run scripts/build-scene-benchmark.sh first" >&2; exit 1; }
mkdir -p "$runs"

# shellcheck source=lib/private-cli.sh
source "$here/scripts/lib/private-cli.sh"
private_cli "$here" "$runs"
mels=64
recipe=(--task scenes --dataset tau2019 --data "$data" --mels "$mels" --batch 32 --optimizer adamw
        --lr 0.002 --warmup 2 --mixup 0.2 --time-masks 2 --freq-masks 2 --validation-fraction "${VALIDATION:-0.25}")
seeds=(${SEEDS:-0 1})

# name model epochs conv op width [extra...]
configs=(
  "dcase-standard      dcase-baseline ${EPOCHS_DCASE:-40} standard  max  1"
  "dcase-separable     dcase-baseline ${EPOCHS_DCASE:-40} separable max  1"
  "dcase-compact-max   dcase-baseline ${EPOCHS_DCASE:-40} compact   max  1"
  "dcase-compact-mean  dcase-baseline ${EPOCHS_DCASE:-40} compact   mean 1"
  "dcase-compact-max-w1.5 dcase-baseline ${EPOCHS_DCASE:-40} compact max 1.5"
  "vgg-standard        audio-vgg ${EPOCHS_VGG:-24} standard  max  1 --crop-frames 216"
  "vgg-separable       audio-vgg ${EPOCHS_VGG:-24} separable max  1 --crop-frames 216"
  "vgg-compact-max     audio-vgg ${EPOCHS_VGG:-24} compact   max  1 --crop-frames 216"
  "vgg-compact-mean    audio-vgg ${EPOCHS_VGG:-24} compact   mean 1 --crop-frames 216"
  "vgg-compact-max-w2  audio-vgg ${EPOCHS_VGG:-24} compact   max  2 --crop-frames 216"
)

for seed in "${seeds[@]}"; do
for row in "${configs[@]}"; do
    read -r name model epochs conv op width extra <<<"$row"
    [[ -z "${ONLY:-}" || "$name" == *"$ONLY"* ]] || continue
    [[ " ${SKIP:-} " != *" $name "* ]] || continue
    out="$runs/$name-s$seed"
    if [ -f "$out/metrics.json" ]; then echo "== $name seed $seed: done"; continue; fi
    resume=(); [ -f "$out/checkpoint/state.json" ] && resume=(--resume)
    echo "== $name seed $seed ($(date -u +%H:%M:%S))"
    # shellcheck disable=SC2086 # $extra holds optional flags
    "$cli" train "${recipe[@]}" --seed "$seed" --model "$model" --conv "$conv" --op "$op" --r 2 --width "$width" \
        --epochs "$epochs" --out "$out" "${resume[@]}" $extra
    # The epoch chosen on validation data meets the test split once, here.
    "$cli" eval --checkpoint "$out" --best >/dev/null
done
done

echo
{
printf 'row\tseed\tparams\tmacs\tbest_epoch\tvalidation_accuracy\ttest_accuracy\tmacro_accuracy\n'
for seed in "${seeds[@]}"; do
for row in "${configs[@]}"; do
    read -r name model epochs conv op width extra <<<"$row"
    run="$runs/$name-s$seed"
    [ -f "$run/metrics.json" ] || continue
    cost=$("$cli" summary --model "$model" --conv "$conv" --op "$op" --r 2 --width "$width" --input "1x${mels}x431" --classes 8 | tail -1)
    python3 - "$run" "$name" "$seed" "$cost" <<'PY'
import json, os, sys
run, name, seed, cost = sys.argv[1:5]
m = json.load(open(os.path.join(run, "metrics.json")))
state = json.load(open(os.path.join(run, "checkpoint", "state.json")))
cost = dict(kv.split("=") for kv in cost.split())
print("\t".join([name, seed, f"{int(cost['params']):,}", f"{int(cost['macs']):,}", str(state["best_epoch"]), str(state["best_validation_accuracy"]),
                 str(m["accuracy"]), str(m["macro_accuracy"])]))
PY
done
done
} | python3 "$here/scripts/lib/seed-table.py" --metrics best_epoch,validation_accuracy,test_accuracy,macro_accuracy --plain-metrics best_epoch
