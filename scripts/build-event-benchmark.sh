#!/usr/bin/env bash
# Builds the real-audio sound event detection benchmark (docs/event-benchmark.md) in one command:
#   1. installs the pinned Debian data packages that hold the recordings, and sox (the same as
#      the scene benchmark's);
#   2. extracts the clips listed in scripts/scenes/sources.tsv and scripts/events/sources.tsv,
#      converts each to mono 44.1 kHz 16-bit WAV under OUT_DIR/sources/{backgrounds,events}/<label>/,
#      and writes OUT_DIR/sources/LICENSES.tsv (path, package, version, original path, licence);
#   3. writes OUT_DIR/events-spec.json and runs `compactconv synth --layout urbansed` on it into
#      OUT_DIR/urbansed-layout (audio/, annotations/ and metadata/ per train, validate and test
#      split, as URBAN-SED), then prints the counts per split and class and the clipping summary.
# Re-running is safe and cheap: finished steps are kept while their inputs are unchanged.
#
# usage: scripts/build-event-benchmark.sh [OUT_DIR] [--skip-install] [--no-synth] [--force]
#   OUT_DIR         default $HOME/compactconv-data/events; must lie outside the repository
#   --skip-install  do not call apt-get; the packages must already be installed
#   --no-synth      stop after the sources and the spec
#   --force         rebuild the sources and the soundscapes from scratch
# environment:
#   SCENES_ALLOW_OTHER_VERSIONS=1  accept installed package versions other than the pinned ones
#                                  (the versions used are still written to LICENSES.tsv)
set -euo pipefail

script_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$script_dir/.." && pwd)
help_script=$0
# shellcheck source=lib/sources.sh
. "$script_dir/lib/sources.sh"

bench_parse_args "$HOME/compactconv-data/events" "$@"
bench_check_out_dir
bench_install_packages
# The scene benchmark's clips, plus event clips only this benchmark uses.
bench_read_tables "$script_dir/scenes/licences.tsv" "$script_dir/scenes/sources.tsv" "$script_dir/events/sources.tsv"
bench_build_sources "Real-audio sound event detection benchmark sources (see docs/event-benchmark.md in the CompactConv repository)."

# ---------------------------------------------------------------------------------------------
step "writing events-spec.json"
spec_file="$out/events-spec.json"
# Three recordings per background label and three clips per event label at least, so that train,
# validate and test each get their own.
bench_write_spec "$script_dir/events/events-spec.json" "$spec_file" 3
jq -r '.events.labels[]' "$spec_file" | while read -r lbl; do
    n=$(find "$src/events/$lbl" -name '*.wav' | wc -l)
    [ "$n" -ge 3 ] || die "events-spec.json: events/$lbl has $n clip(s); at least 3 are needed for a three-way split"
done
echo "$(jq '.events.labels | length' "$spec_file") event classes over $(jq '.backgrounds | length' "$spec_file") background labels;" \
    "$(jq .count "$spec_file") soundscapes of $(jq .duration "$spec_file") s at $(jq .sample_rate "$spec_file") Hz"
bench_check_definition "$spec_file" '(.events.labels | length) >= 8 and .count >= 1400 and .duration == 10 and .sample_rate == 44100' \
    "at least 8 classes, at least 1,400 soundscapes of 10 s at 44.1 kHz"

# ---------------------------------------------------------------------------------------------
bench_stop_if_no_synth
step "synthesising the soundscapes (compactconv synth --layout urbansed)"
set_dir="$out/urbansed-layout"
bench_synth "$spec_file" "$set_dir" --layout urbansed
[ "$synth_skipped" = 0 ] || exit 0
report="$set_dir/synth_report.json"
jq -r '"soundscapes: train \(.soundscapes.train), validate \(.soundscapes.validate), test \(.soundscapes.test)"' "$report"
# From sources.tsv: source clips and events per label and split, and a check that no clip or
# recording was used in two splits.
printf '  %-10s %-10s %26s   %27s\n' role label "clips: train validate test" "events: train validate test"
tail -n +2 "$set_dir/sources.tsv" | awk -F'\t' '
    {
        split_ = $1; sub(/-[0-9]+\.wav$/, "", split_); sub(/^.*-/, "", split_)
        if (!(($4, split_) in used)) { used[$4, split_] = 1; clips[$2, $3, split_]++; splits[$4]++ }
        if ($2 == "foreground") events[$3, split_]++
        labels[$2, $3] = 1
    }
    END {
        for (key in labels) {
            split(key, k, SUBSEP)
            line = sprintf("  %-10s %-10s %13d %8d %4d", k[1], k[2], clips[k[1], k[2], "train"], clips[k[1], k[2], "validate"], clips[k[1], k[2], "test"])
            if (k[1] == "foreground") line = line sprintf("   %14d %8d %4d", events[k[2], "train"], events[k[2], "validate"], events[k[2], "test"])
            print line
        }
        for (f in splits) if (splits[f] > 1) { print "error: " f " is used in " splits[f] " splits" > "/dev/stderr"; leaked = 1 }
        exit leaked
    }' | LC_ALL=C sort || die "a source clip is used in more than one split"
jq -r '"events: \(.events.placed) placed, \(.events.dropped) dropped; \(.clipping.files_scaled) soundscapes turned down to avoid clipping (at most \(.clipping.max_gain_reduction_db) dB); \(.warnings | length) warnings"' "$report"
for split in train validate test; do
    n=$(find "$set_dir/audio/$split" -name '*.wav' | wc -l)
    [ "$n" -eq "$(jq ".soundscapes.$split" "$report")" ] || warn "audio/$split holds $n files, the report counts $(jq ".soundscapes.$split" "$report")"
    [ -f "$set_dir/metadata/$split.tsv" ] || warn "$set_dir/metadata/$split.tsv is missing"
done
step "done: $set_dir"
