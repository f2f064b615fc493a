#!/usr/bin/env bash
# Makes the embedded audio sample set (data/audio-samples; data/README.md lists every file) from
# Debian packages, so that `compactconv demo --task scenes|events` needs no download:
#   1. installs the pinned packages that hold the clips (minetest-data, sonic-pi-samples,
#      asterisk-core-sounds-en-wav: 44 MB to download) and sox, libsox-fmt-base and vorbis-tools;
#   2. converts every clip of scripts/audio-samples/sources.tsv with the benchmark builders' sox
#      steps (scripts/lib/sources.sh) at 16 kHz: mono; events peak-normalised, their leading and
#      trailing near-silence trimmed, at most 3 s; backgrounds at one RMS level, at most 8 s;
#   3. encodes each as Ogg Vorbis (oggenc quality 3, a fixed stream serial, so that the same tool
#      versions give the same bytes) to OUT_DIR/<backgrounds|events>/<label>/<name>.ogg, and writes
#      OUT_DIR/LICENSES.tsv (path, package, version, original path, licence, bytes, SHA-256) and
#      OUT_DIR/copyright/<package>.txt (the packages' copyright files, licence texts included);
#   4. prints the rows of the file table in data/README.md.
# The spec files (*.json) in OUT_DIR are left alone; clips and tables are replaced as a whole.
#
# usage: scripts/make-audio-samples.sh [OUT_DIR] [--skip-install]
#   OUT_DIR         default data/audio-samples in this checkout
#   --skip-install  do not call apt-get; the packages must already be installed
# environment:
#   SCENES_ALLOW_OTHER_VERSIONS=1  accept installed package versions other than the pinned ones
set -euo pipefail

script_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$script_dir/.." && pwd)
tables="$script_dir/audio-samples"
help_script=$0
# shellcheck source=lib/sources.sh
. "$script_dir/lib/sources.sh"

# Pinned to Debian 12 "bookworm". Download sizes: minetest-data 3.6 MB, sonic-pi-samples 22 MB,
# asterisk-core-sounds-en-wav 18 MB.
PACKAGES=(
    "minetest-data=5.6.1+dfsg+~1.9.0mt8+dfsg-2"
    "sonic-pi-samples=3.2.2~repack-8"
    "asterisk-core-sounds-en-wav=1.6.1-1"
)
TOOLS=(sox libsox-fmt-base vorbis-tools)
CLIP_RATE=16000
EVENT_MAX_SECONDS=3
BACKGROUND_MAX_SECONDS=8
VORBIS_QUALITY=3
# The budget of the whole folder (clips, tables, copyright files and specs), as data/README.md states.
BUDGET_BYTES=3000000

out="" skip_install=0
for arg in "$@"; do
    case "$arg" in
        --skip-install) skip_install=1 ;;
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$help_script"; exit 0 ;;
        -*) echo "error: unknown option $arg (see --help)" >&2; exit 2 ;;
        *) [ -z "$out" ] || { echo "error: more than one OUT_DIR given" >&2; exit 2; }; out=$arg ;;
    esac
done
out=$(realpath -m "${out:-$repo/data/audio-samples}")

bench_install_packages
bench_read_tables "$tables/licences.tsv" "$tables/sources.tsv"

step "converting ${#rows[@]} clips to mono $CLIP_RATE Hz Ogg Vorbis"
mkdir -p "$out"
work=$(mktemp -d "$out/.make-XXXXXX")
trap 'rm -rf "$work"' EXIT
declare -A row_of=()
for row in "${rows[@]}"; do
    IFS=$'\t' read -r kind label name pkg source options <<< "$row"
    [ -f "$source" ] || die "$source not found (is $pkg ${version[$pkg]} installed?)"
    mapfile -t outs < <(outputs_of "$row")
    mkdir -p "$work/wav/$(dirname "${outs[0]}")"
    if [ "$kind" = event ]; then
        convert_event "$source" "$work/wav/${outs[0]}"
        [ -f "$work/wav/${outs[0]}" ] || die "$name: shorter than ${EVENT_MIN_SECONDS}s after trimming silence; take it out of $tables/sources.tsv"
        max=$EVENT_MAX_SECONDS
    else
        convert_background "$source" "$work/wav/${outs[0]}" "${#outs[@]}"
        max=$BACKGROUND_MAX_SECONDS
    fi
    for o in "${outs[@]}"; do
        ogg="${o%.wav}.ogg"
        mkdir -p "$work/ogg/$(dirname "$ogg")"
        sox -V1 -R "$work/wav/$o" "$work/cut.wav" trim 0 "$max"
        oggenc -Q -q "$VORBIS_QUALITY" --serial 1 -o "$work/ogg/$ogg" "$work/cut.wav"
        row_of[$ogg]=$row
    done
done

step "writing LICENSES.tsv and the packages' copyright files"
{
    printf 'path\tpackage\tversion\toriginal_path\tlicence\tbytes\tsha256\n'
    for o in "${!row_of[@]}"; do
        IFS=$'\t' read -r kind label name pkg source options <<< "${row_of[$o]}"
        lic=$(licence_of "$pkg" "$source") || die "no licence rule matches $pkg $source"
        orig=$source
        case "$options" in segments=*)
            i=${o##*-s}; orig="$source (segment ${i%.ogg} of ${options#segments=}, equal parts)" ;;
        esac
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$o" "$pkg" "${version[$pkg]}" "$orig" "$lic" \
            "$(stat -c %s "$work/ogg/$o")" "$(sha256sum < "$work/ogg/$o" | cut -d' ' -f1)"
    done | LC_ALL=C sort
} > "$work/ogg/LICENSES.tsv"
mkdir -p "$work/ogg/copyright"
for spec in "${PACKAGES[@]}"; do
    cp "/usr/share/doc/${spec%%=*}/copyright" "$work/ogg/copyright/${spec%%=*}.txt"
done

rm -rf "$out/backgrounds" "$out/events" "$out/copyright" "$out/LICENSES.tsv"
mv "$work/ogg/backgrounds" "$work/ogg/events" "$work/ogg/copyright" "$work/ogg/LICENSES.tsv" "$out/"

step "done: $out"
total=$(du -sb --exclude='.make-*' "$out" | cut -f1)
echo "$(find "$out/backgrounds" "$out/events" -name '*.ogg' | wc -l) clips; the folder holds $total bytes (budget $BUDGET_BYTES)"
[ "$total" -le "$BUDGET_BYTES" ] || warn "over the budget of $BUDGET_BYTES bytes"
echo
echo "rows of the file table in data/README.md:"
tail -n +2 "$out/LICENSES.tsv" | while IFS=$'\t' read -r path pkg ver orig lic bytes sha; do
    printf '| `%s` | %s | `%s` | %s | %s | `%s` |\n' "$path" "$pkg" "$orig" "${lic%% *}" "$bytes" "$sha"
done
