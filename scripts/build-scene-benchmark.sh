#!/usr/bin/env bash
# Builds the real-audio acoustic scene benchmark (docs/scene-benchmark.md) in one command:
#   1. installs the pinned Debian data packages that hold the recordings, and sox;
#   2. extracts the clips listed in scripts/scenes/sources.tsv, converts each to mono 44.1 kHz
#      16-bit WAV under OUT_DIR/sources/{backgrounds,events}/<label>/, and writes
#      OUT_DIR/sources/LICENSES.tsv (path, package, version, original path, licence per clip);
#   3. writes OUT_DIR/scenes-spec.json and runs `compactconv synth` on it into OUT_DIR/tau-layout
#      (the TAU Urban Acoustic Scenes 2019 development layout).
# Re-running is safe and cheap: finished steps are kept while their inputs are unchanged.
#
# usage: scripts/build-scene-benchmark.sh [OUT_DIR] [--skip-install] [--no-synth] [--force]
#   OUT_DIR         default $HOME/compactconv-data/scenes; must lie outside the repository
#   --skip-install  do not call apt-get; the packages must already be installed
#   --no-synth      stop after the sources and the spec
#   --force         rebuild the sources and the soundscapes from scratch
# environment:
#   SCENES_ALLOW_OTHER_VERSIONS=1  accept installed package versions other than the pinned ones
#                                  (the versions used are still written to LICENSES.tsv)
set -euo pipefail

script_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$script_dir/.." && pwd)
tables="$script_dir/scenes"
help_script=$0
# shellcheck source=lib/sources.sh
. "$script_dir/lib/sources.sh"

bench_parse_args "$HOME/compactconv-data/scenes" "$@"
bench_check_out_dir
bench_install_packages
bench_read_tables "$tables/licences.tsv" "$tables/sources.tsv"
bench_build_sources "Real-audio acoustic scene benchmark sources (see docs/scene-benchmark.md in the CompactConv repository)."

# ---------------------------------------------------------------------------------------------
step "writing scenes-spec.json"
spec_file="$out/scenes-spec.json"
# Every scene needs at least two background recordings so that training and test can use different ones.
bench_write_spec "$tables/scenes-spec.json" "$spec_file" 2
echo "$(jq '.scenes | length' "$spec_file") scenes, $(jq .count "$spec_file") soundscapes of $(jq .duration "$spec_file") s at $(jq .sample_rate "$spec_file") Hz"
bench_check_definition "$spec_file" '(.scenes | length) >= 6 and .count >= 600 and .duration == 10 and .sample_rate == 44100' \
    "at least 6 scenes, at least 600 clips of 10 s at 44.1 kHz"

# ---------------------------------------------------------------------------------------------
bench_stop_if_no_synth
step "synthesising the soundscapes (compactconv synth)"
layout="$out/tau-layout"
bench_synth "$spec_file" "$layout"
[ "$synth_skipped" = 0 ] || exit 0
echo "soundscapes per scene (meta.csv):"
tail -n +2 "$layout/meta.csv" | cut -f2 | sort | uniq -c
rows_meta=$(tail -n +2 "$layout/meta.csv" | grep -c . || true)
[ "$rows_meta" -eq "$(jq .count "$spec_file")" ] || warn "meta.csv lists $rows_meta soundscapes, the spec asks for $(jq .count "$spec_file")"
for f in fold1_train.csv fold1_evaluate.csv fold1_test.csv; do
    [ -f "$layout/evaluation_setup/$f" ] || warn "$layout/evaluation_setup/$f is missing"
done
first=$(tail -n +2 "$layout/meta.csv" | head -n 1 | cut -f1)
if [ -n "$first" ] && [ -f "$layout/$first" ]; then
    echo "$first: $(soxi -r "$layout/$first") Hz, $(soxi -c "$layout/$first") channel(s), $(soxi -D "$layout/$first") s"
fi
step "done: $layout"
