#!/usr/bin/env bash
# Trains the issue-5 target table on the full Fashion-MNIST set (scripts/install-fashion-mnist.sh):
# resnet20 with standard, separable, compact max and compact mean (r 2) at width 1, and compact max
# at width 2 (32 % of standard's parameters, under the 35 % bound), one recipe for all. Then
# evaluates each run's last checkpoint and prints a markdown table of test accuracy, accuracy at
# EQUAL_EPOCH, parameters, MACs and training images per second (median over epochs).
# Re-running is safe: finished runs are kept, interrupted ones resume from their last checkpoint.
#
# usage: scripts/run-image-targets.sh [DATA_DIR] [RUNS_DIR]
#   DATA_DIR  the Fashion-MNIST IDX files (default /usr/share/datasets/fashion-mnist)
#   RUNS_DIR  where the run folders go (default $HOME/compactconv-runs/images)
# environment: EPOCHS (default 30), DEVICE (default cpu; cuda needs a CUDA build of libtorch),
#              PARALLEL=1 trains the rows at once (one GPU has room for all five), THREADS (per run),
#              MAX_MINUTES (a time budget per invocation), EQUAL_EPOCH (default: the fewest epochs
#              any row completed), ONLY (substring of run names), CLI (a compactconv to use instead
#              of building one)
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
        --weight-decay 5e-4 --schedule cosine --warmup 1 --batch 128 --crop-padding 2 --flip --seed 0
        --epochs "${EPOCHS:-30}" --device "${DEVICE:-cpu}")
[ -n "${THREADS:-}" ] && recipe+=(--threads "$THREADS")
[ -n "${MAX_MINUTES:-}" ] && recipe+=(--max-minutes "$MAX_MINUTES")

# name conv op width
configs=("standard standard max 1" "separable separable max 1" "compact-max compact max 1"
         "compact-mean compact mean 1" "compact-max-w2 compact max 2")
train_one() {
    local name=$1 conv=$2 op=$3 width=$4 out="$runs/$1"
    local resume=(); [ -f "$out/checkpoint/state.json" ] && resume=(--resume)
    "$cli" train "${recipe[@]}" --conv "$conv" --op "$op" --r 2 --width "$width" --out "$out" "${resume[@]}" > "$runs/$name.log" 2>&1 \
        && "$cli" eval --checkpoint "$out" --device "${DEVICE:-cpu}" > "$runs/$name.eval.log" 2>&1 \
        || { echo "error: $name failed; see $runs/$name.log" >&2; return 1; }
    grep -E "final|time budget" "$runs/$name.log" | sed "s/^/$name: /"
}
pids=()
for row in "${configs[@]}"; do
    read -r name conv op width <<<"$row"
    [[ -z "${ONLY:-}" || "$name" == *"$ONLY"* ]] || continue
    if [ -f "$runs/$name/metrics.json" ] && ! grep -q "time budget" "$runs/$name.log" 2>/dev/null; then echo "== $name: done"; continue; fi
    echo "== $name ($(date -u +%H:%M:%S))"
    if [ "${PARALLEL:-0}" = 1 ]; then train_one "$name" "$conv" "$op" "$width" & pids+=($!); else train_one "$name" "$conv" "$op" "$width"; fi
done
for pid in "${pids[@]}"; do wait "$pid"; done

echo
echo "| resnet20 conv | width | params | MACs | test acc (last) | epochs done | test acc at epoch E | train img/s |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for row in "${configs[@]}"; do
    read -r name conv op width <<<"$row"
    [ -f "$runs/$name/metrics.json" ] || continue
    cost=$("$cli" summary --model resnet20 --conv "$conv" --op "$op" --r 2 --width "$width" --input 1x28x28 --classes 10 | tail -1)
    python3 - "$runs" "$name" "$width" "$cost" "${EQUAL_EPOCH:-}" <<'PY'
import csv, json, os, statistics, sys
runs, name, width, cost, equal = sys.argv[1:6]
cost = dict(kv.split("=") for kv in cost.split())
log = lambda n: list(csv.DictReader(open(os.path.join(runs, n, "log.csv"))))
if not equal:  # the fewest epochs any row completed
    equal = min(len(log(n)) for n in os.listdir(runs) if os.path.isfile(os.path.join(runs, n, "log.csv")))
rows = log(name)
m = json.load(open(os.path.join(runs, name, "metrics.json")))
at = next((float(r["TestAccuracy"]) for r in rows if int(r["Epoch"]) == int(equal)), None)
ips = statistics.median(float(r["ImagesPerSecond"]) for r in rows)
print(f"| {name} | {width} | {int(cost['params']):,} | {int(cost['macs']):,} | {100 * m['accuracy']:.2f} % | {len(rows)} | "
      f"{'n/a' if at is None else f'{100 * at:.2f} %'} (E={equal}) | {ips:,.0f} |")
PY
done
