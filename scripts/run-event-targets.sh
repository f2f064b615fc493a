#!/usr/bin/env bash
# Trains the issue-4 target table on the real-audio event benchmark (docs/event-benchmark.md): crnn
# with standard, separable, compact max and compact mean (r 2), one recipe, then evaluates each
# run's best epoch on the test split and prints a markdown table of segment-based F1/ER, event-based
# F1 (onset+offset and onset only), parameters, convolution parameters and MACs.
# Re-running is safe: finished runs are kept, interrupted ones resume from their last checkpoint.
#
# usage: scripts/run-event-targets.sh [DATA_DIR] [RUNS_DIR]
#   DATA_DIR  the benchmark in URBAN-SED layout (default $HOME/compactconv-data/events/urbansed-layout,
#             made by scripts/build-event-benchmark.sh)
#   RUNS_DIR  where the run folders go (default $HOME/compactconv-runs/events)
# environment: EPOCHS (default 40), WIDTH (default 0.5; the width of every row but the budget-matched one),
#              BUDGET_WIDTH (default 1.2), ONLY (substring of run names to run)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$HOME/compactconv-data/events/urbansed-layout}
runs=${2:-$HOME/compactconv-runs/events}
[ -d "$data/audio/train" ] || { echo "error: $data/audio/train not found; run scripts/build-event-benchmark.sh first" >&2; exit 1; }
mkdir -p "$runs"

# shellcheck source=lib/private-cli.sh
source "$here/scripts/lib/private-cli.sh"
private_cli "$here" "$runs"
mels=64 hop=2048 width=${WIDTH:-0.5}
recipe=(--task events --dataset urbansed --data "$data" --model crnn --mels "$mels" --hop "$hop"
        --batch 32 --optimizer adamw --lr 0.003 --warmup 1 --epochs "${EPOCHS:-40}" --time-masks 1 --freq-masks 1 --seed 0)

# name conv op width. The last row is budget-matched: compact max widened to just under 40 % of the
# standard row's convolution parameters (the issue's bound), which is width 1.2 when WIDTH is 0.5.
configs=("standard standard max $width" "separable separable max $width" "compact-max compact max $width"
         "compact-mean compact mean $width" "compact-max-budget compact max ${BUDGET_WIDTH:-1.2}")
for row in "${configs[@]}"; do
    read -r name conv op row_width <<<"$row"
    [[ -z "${ONLY:-}" || "$name" == *"$ONLY"* ]] || continue
    out="$runs/$name"
    if [ -f "$out/metrics.json" ]; then echo "== $name: done"; continue; fi
    resume=(); [ -f "$out/checkpoint/state.json" ] && resume=(--resume)
    echo "== $name ($(date -u +%H:%M:%S))"
    "$cli" train "${recipe[@]}" --conv "$conv" --op "$op" --r 2 --width "$row_width" --out "$out" "${resume[@]}"
    "$cli" eval --checkpoint "$out" --best
done

echo
echo "| crnn conv | params | conv params | MACs | segment F1 | segment ER | event F1 | event ER | event F1 onset-only | frame F1 |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for row in "${configs[@]}"; do
    read -r name conv op row_width <<<"$row"
    m="$runs/$name/metrics.json"
    [ -f "$m" ] || continue
    cost=$("$cli" summary --model crnn --conv "$conv" --op "$op" --r 2 --width "$row_width" --input "1x${mels}x216" --classes 12 |
        sed -n -e 's/^params=/params=/p' -e 's/^Convolution parameters.*: \([0-9,]*\)$/conv_params=\1/p' | tr -d , | tr '\n' ' ')
    python3 - "$m" "$name" "$cost" <<'PY'
import json, sys
m = json.load(open(sys.argv[1])); cost = dict(kv.split("=") for kv in sys.argv[3].split())
o = lambda block: m[block]["overall"]
f = lambda v: "n/a" if v is None else f"{100 * v:.2f} %"
e = lambda v: "n/a" if v is None else f"{v:.3f}"
print(f"| {sys.argv[2]} | {int(cost['params']):,} | {int(cost.get('conv_params', 0)):,} | {int(cost['macs']):,} | "
      f"{f(o('segment_based')['f_measure'])} | {e(o('segment_based')['error_rate'])} | {f(o('event_based')['f_measure'])} | "
      f"{e(o('event_based')['error_rate'])} | {f(o('event_based_onset')['f_measure'])} | {f(m['frame_f1'])} |")
PY
done
