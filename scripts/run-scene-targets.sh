#!/usr/bin/env bash
# Trains the issue-3 target table on the real-audio scene benchmark (docs/scene-benchmark.md):
# dcase-baseline and audio-vgg with standard, separable, compact max and compact mean (r 2), plus a
# parameter-matched compact max row per model, all with one recipe. Prints a markdown table of
# accuracy, parameters and MACs at the end.
# Re-running is safe: finished runs are kept, interrupted ones resume from their last checkpoint.
#
# usage: scripts/run-scene-targets.sh [DATA_DIR] [RUNS_DIR]
#   DATA_DIR  the benchmark in TAU 2019 layout (default $HOME/compactconv-data/scenes/tau-layout,
#             made by scripts/build-scene-benchmark.sh)
#   RUNS_DIR  where the run folders go (default $HOME/compactconv-runs/scenes)
# environment: EPOCHS_DCASE (default 40), EPOCHS_VGG (default 24), ONLY (substring of run names to
#              run), SKIP (space-separated run names to leave out)
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
        --lr 0.002 --warmup 2 --mixup 0.2 --time-masks 2 --freq-masks 2 --seed 0)

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

for row in "${configs[@]}"; do
    read -r name model epochs conv op width extra <<<"$row"
    [[ -z "${ONLY:-}" || "$name" == *"$ONLY"* ]] || continue
    [[ " ${SKIP:-} " != *" $name "* ]] || continue
    out="$runs/$name"
    if [ -f "$out/metrics.json" ]; then echo "== $name: done"; continue; fi
    resume=(); [ -f "$out/checkpoint/state.json" ] && resume=(--resume)
    echo "== $name ($(date -u +%H:%M:%S))"
    # shellcheck disable=SC2086 # $extra holds optional flags
    "$cli" train "${recipe[@]}" --model "$model" --conv "$conv" --op "$op" --r 2 --width "$width" \
        --epochs "$epochs" --out "$out" "${resume[@]}" $extra
    # train keeps the per-epoch test accuracy in log.csv; eval writes the final metrics.json
    "$cli" eval --checkpoint "$out" >/dev/null
done

echo
echo "| run | params | MACs | test accuracy | macro accuracy | log-loss |"
echo "|---|---:|---:|---:|---:|---:|"
for row in "${configs[@]}"; do
    read -r name model epochs conv op width extra <<<"$row"
    m="$runs/$name/metrics.json"
    [ -f "$m" ] || continue
    cost=$("$cli" summary --model "$model" --conv "$conv" --op "$op" --r 2 --width "$width" --input "1x${mels}x431" --classes 8 | tail -1)
    python3 - "$m" "$name" "$cost" <<'PY'
import json, sys
m = json.load(open(sys.argv[1])); cost = dict(kv.split("=") for kv in sys.argv[3].split())
print(f"| {sys.argv[2]} | {int(cost['params']):,} | {int(cost['macs']):,} | {100*m['accuracy']:.2f} % | {100*m['macro_accuracy']:.2f} % | {m.get('log_loss', float('nan')):.3f} |")
PY
done
