#!/usr/bin/env bash
# Trains the issue-5 target table on Fashion-MNIST (scripts/install-fashion-mnist.sh): resnet20 with
# standard, separable, compact max and compact mean (r 2) at width 1, and compact max at width 2 (32 %
# of standard's parameters, under the 35 % bound), one recipe for all, for every seed in SEEDS. The
# best epoch of each run is chosen on a stratified validation share of the training split
# (--validation-fraction); the test split is read once, by `eval --best`. Prints a markdown table of
# parameters, MACs, epochs done, best epoch, validation and test accuracy (mean ± sd over seeds) and
# training images per second (median over epochs).
# Re-running is safe: finished runs are kept, interrupted ones resume from their last checkpoint.
#
# usage: scripts/run-image-targets.sh [DATA_DIR] [RUNS_DIR]
#   DATA_DIR  the Fashion-MNIST IDX files (default /usr/share/datasets/fashion-mnist)
#   RUNS_DIR  where the run folders go (default $HOME/compactconv-runs/images)
# environment: EPOCHS (default 30), SEEDS (default "0"), VALIDATION (default 0.1), TRAIN_LIMIT (a
#              class-balanced subset of the training split, validation included; default all),
#              DEVICE (default cpu; cuda needs a CUDA build of libtorch), PARALLEL=1 trains the rows
#              at once (one GPU has room for all five), THREADS (per run), MAX_MINUTES (a time budget
#              per invocation), ONLY (substring of run names), CLI (a compactconv to use instead of
#              building one)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-/usr/share/datasets/fashion-mnist}
runs=${2:-$HOME/compactconv-runs/images}
[ -f "$data/train-images-idx3-ubyte.gz" ] || [ -f "$data/train-images-idx3-ubyte" ] \
    || { echo "error: no Fashion-MNIST IDX files in $data; run scripts/install-fashion-mnist.sh first" >&2; exit 1; }
mkdir -p "$runs"

# shellcheck source=lib/private-cli.sh
source "$here/scripts/lib/private-cli.sh"
if [ -n "${CLI:-}" ]; then cli=$CLI; else private_cli "$here" "$runs"; fi
recipe=(--task image --dataset fashion-mnist --data "$data" --model resnet20 --optimizer sgd --lr 0.1 --momentum 0.9
        --weight-decay 5e-4 --schedule cosine --warmup 1 --batch 128 --crop-padding 2 --flip
        --epochs "${EPOCHS:-30}" --device "${DEVICE:-cpu}" --validation-fraction "${VALIDATION:-0.1}")
[ -n "${TRAIN_LIMIT:-}" ] && recipe+=(--train-limit "$TRAIN_LIMIT")
seeds=(${SEEDS:-0})
[ -n "${THREADS:-}" ] && recipe+=(--threads "$THREADS")
[ -n "${MAX_MINUTES:-}" ] && recipe+=(--max-minutes "$MAX_MINUTES")

# name conv op width
configs=("standard standard max 1" "separable separable max 1" "compact-max compact max 1"
         "compact-mean compact mean 1" "compact-max-w2 compact max 2")
train_one() {
    local name=$1 seed=$2 conv=$3 op=$4 width=$5 out="$runs/$1-s$2"
    local resume=(); [ -f "$out/checkpoint/state.json" ] && resume=(--resume)
    "$cli" train "${recipe[@]}" --seed "$seed" --conv "$conv" --op "$op" --r 2 --width "$width" --out "$out" "${resume[@]}" > "$out.log" 2>&1 \
        && "$cli" eval --checkpoint "$out" --best --device "${DEVICE:-cpu}" > "$out.eval.log" 2>&1 \
        || { echo "error: $name seed $seed failed; see $out.log" >&2; return 1; }
    grep -E "best validation|time budget|warning" "$out.log" | sed "s/^/$name seed $seed: /"
}
pids=()
for seed in "${seeds[@]}"; do
for row in "${configs[@]}"; do
    read -r name conv op width <<<"$row"
    [[ -z "${ONLY:-}" || "$name" == *"$ONLY"* ]] || continue
    out="$runs/$name-s$seed"
    if [ -f "$out/metrics.json" ] && ! grep -q "time budget" "$out.log" 2>/dev/null; then echo "== $name seed $seed: done"; continue; fi
    echo "== $name seed $seed ($(date -u +%H:%M:%S))"
    if [ "${PARALLEL:-0}" = 1 ]; then train_one "$name" "$seed" "$conv" "$op" "$width" & pids+=($!); else train_one "$name" "$seed" "$conv" "$op" "$width"; fi
done
done
for pid in "${pids[@]}"; do wait "$pid"; done

echo
{
printf 'row\tseed\twidth\tparams\tmacs\tepochs_done\tbest_epoch\tvalidation_accuracy\ttest_accuracy\ttrain_images_per_second\n'
for seed in "${seeds[@]}"; do
for row in "${configs[@]}"; do
    read -r name conv op width <<<"$row"
    run="$runs/$name-s$seed"
    [ -f "$run/metrics.json" ] || continue
    cost=$("$cli" summary --model resnet20 --conv "$conv" --op "$op" --r 2 --width "$width" --input 1x28x28 --classes 10 | tail -1)
    python3 - "$run" "$name" "$seed" "$width" "$cost" <<'PY'
import csv, json, os, statistics, sys
run, name, seed, width, cost = sys.argv[1:6]
cost = dict(kv.split("=") for kv in cost.split())
log = list(csv.DictReader(open(os.path.join(run, "log.csv"))))
state = json.load(open(os.path.join(run, "checkpoint", "state.json")))
m = json.load(open(os.path.join(run, "metrics.json")))
ips = statistics.median(float(r["images_per_second"]) for r in log)
print("\t".join([name, seed, width, f"{int(cost['params']):,}", f"{int(cost['macs']):,}", str(len(log)), str(state["best_epoch"]),
                 str(state["best_validation_accuracy"]), str(m["accuracy"]), f"{ips:.0f}"]))
PY
done
done
} | python3 "$here/scripts/lib/seed-table.py" --metrics best_epoch,validation_accuracy,test_accuracy,train_images_per_second,epochs_done \
      --plain-metrics best_epoch,train_images_per_second,epochs_done
