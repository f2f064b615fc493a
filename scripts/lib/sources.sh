# shellcheck shell=bash disable=SC2034,SC2154  # globals are shared with the sourcing script
# Shared steps of the real-audio benchmark builders (build-scene-benchmark.sh and
# build-event-benchmark.sh): options, the output folder check, the pinned Debian packages, the
# clip tables, extraction and conversion of the clips with their licence list, and the
# `compactconv synth` run. Sourced, not run; the caller sets `set -euo pipefail`, `repo` (the
# checkout) and `help_script` (whose header comment --help prints).

# Pinned data packages (Debian 12 "bookworm"). Download sizes: 0ad-data 1,378 MB, widelands-data
# 381 MB, megaglest-data 242 MB, tuxpaint-stamps-default 161 MB, minetest-data 3.6 MB.
PACKAGES=(
    "0ad-data=0.0.26-1"
    "megaglest-data=3.13.0-3"
    "widelands-data=2:1.1-3"
    "minetest-data=5.6.1+dfsg+~1.9.0mt8+dfsg-2"
    "tuxpaint-stamps-default=2022.06.04-1"
)
# Tools, any version (the versions used are written to OUT_DIR/sources/MANIFEST.txt).
TOOLS=(sox libsox-fmt-base unzip jq)
BACKGROUND_RMS_DB=-26    # every background recording is scaled to this RMS level ...
PEAK_CEILING_DB=-1       # ... unless its peak would pass this; events are peak-normalised to it
EVENT_MAX_SECONDS=10     # longer event clips are cut to their first 10 s
EVENT_MIN_SECONDS=0.1    # shorter ones (after silence trimming) are dropped
CLIP_RATE=44100          # every clip is resampled to this rate

start_all=$SECONDS
step() { printf '\n== %s (%ds)\n' "$*" "$((SECONDS - start_all))"; }
die() { echo "error: $*" >&2; exit 1; }
warn() { echo "warning: $*" >&2; }

# bench_parse_args DEFAULT_OUT ARG... -> out, skip_install, no_synth, force
bench_parse_args() {
    local default_out=$1 arg
    shift
    out="" skip_install=0 no_synth=0 force=0
    for arg in "$@"; do
        case "$arg" in
            --skip-install) skip_install=1 ;;
            --no-synth) no_synth=1 ;;
            --force) force=1 ;;
            -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$help_script"; exit 0 ;;
            -*) echo "error: unknown option $arg (see --help)" >&2; exit 2 ;;
            *) if [ -n "$out" ]; then echo "error: more than one OUT_DIR given" >&2; exit 2; fi; out=$arg ;;
        esac
    done
    out=${out:-$default_out}
}

# bench_check_out_dir: makes $out absolute and refuses a folder inside the repository.
bench_check_out_dir() {
    step "checking the output folder"
    out=$(realpath -m "$out")
    case "$out/" in
        "$(realpath "$repo")/"*) die "OUT_DIR $out is inside the repository; generated audio must never be committed: choose a folder outside $repo" ;;
    esac
    mkdir -p "$out"
    echo "output: $out"
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else die "need root (or sudo) to run: $*"; fi
}
installed_version() { { dpkg-query -W -f='${Status} ${Version}' "$1" 2>/dev/null || true; } | sed -n 's/^install ok installed //p'; }
archive_has() { # package version: whether apt knows that version
    apt-cache madison "$1" 2>/dev/null | awk -F'|' '{gsub(/ /,"",$2); print $2}' | grep -qxF "$2"
}

# bench_install_packages: installs what is missing of PACKAGES (at the pinned version) and TOOLS;
# fills the associative array `version` (package -> installed version).
bench_install_packages() {
    step "installing the pinned packages"
    local spec name want have tool
    local missing=()
    for spec in "${PACKAGES[@]}"; do
        name=${spec%%=*} want=${spec#*=}
        have=$(installed_version "$name")
        if [ "$have" = "$want" ]; then continue; fi
        if [ -n "$have" ] && [ "${SCENES_ALLOW_OTHER_VERSIONS:-0}" = 1 ]; then
            warn "$name $have is installed, not the pinned $want (accepted: SCENES_ALLOW_OTHER_VERSIONS=1)"
            continue
        fi
        missing+=("$spec")
    done
    for tool in "${TOOLS[@]}"; do
        [ -n "$(installed_version "$tool")" ] || missing+=("$tool")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        [ "$skip_install" = 0 ] || die "--skip-install given but these are missing or not at the pinned version: ${missing[*]}"
        echo "installing: ${missing[*]}"
        # Refresh the package lists only when apt does not know a pinned version yet.
        for spec in "${missing[@]}"; do
            case "$spec" in *=*) ;; *) continue ;; esac
            if ! archive_has "${spec%%=*}" "${spec#*=}"; then
                as_root apt-get update
                break
            fi
        done
        for spec in "${missing[@]}"; do
            case "$spec" in *=*) ;; *) continue ;; esac
            archive_has "${spec%%=*}" "${spec#*=}" \
                || die "${spec%%=*} version ${spec#*=} is not in the configured Debian archive (this build is pinned to Debian 12 'bookworm'; set SCENES_ALLOW_OTHER_VERSIONS=1 after installing another version by hand to go on anyway)"
        done
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    fi
    declare -gA version
    for spec in "${PACKAGES[@]}"; do
        name=${spec%%=*}
        version[$name]=$(installed_version "$name")
        [ -n "${version[$name]}" ] || die "$name is not installed"
        echo "$name ${version[$name]}"
    done
}

# bench_read_tables LICENCE_TABLE SOURCE_TABLE... -> rows (clip rows of every source table, in
# order), lic_rows, table_files (all tables, for the stamp).
bench_read_tables() {
    step "reading the clip tables and the licence rules"
    local licences=$1 table line row kind label name pkg source options extra text
    shift
    table_files=("$licences" "$@")
    # sources.tsv: kind, label, name, package, source, options (comments start with #).
    # A source "ZIP!ENTRY" is an entry of a zip file; options are "-" or "segments=N".
    rows=() lic_rows=()
    for table in "$@"; do
        while IFS= read -r line; do
            case "$line" in ''|'#'*) continue ;; esac
            rows+=("$line")
        done < "$table"
    done
    while IFS= read -r line; do
        case "$line" in ''|'#'*) continue ;; esac
        lic_rows+=("$line")
    done < "$licences"
    local -A names=()
    for row in "${rows[@]}"; do
        IFS=$'\t' read -r kind label name pkg source options extra <<< "$row"
        if [ -z "$options" ] || [ -n "${extra:-}" ]; then die "sources table: want 6 tab-separated fields: $row"; fi
        case "$kind" in background|event) ;; *) die "sources table: bad kind '$kind' in row $name" ;; esac
        case "$options" in -|segments=[2-9]|segments=[1-9][0-9]) ;; *) die "sources table: bad options '$options' in row $name" ;; esac
        [[ $label =~ ^[a-z0-9_-]+$ && $name =~ ^[A-Za-z0-9_.-]+$ ]] || die "sources table: label and name must be plain words: $row"
        [ -z "${names[$name]:-}" ] || die "sources table: name $name appears twice"
        [ -n "${version[$pkg]:-}" ] || die "sources table row '$name' names $pkg, which is not a pinned package"
        names[$name]=1
    done
    echo "${#rows[@]} clips from $# table(s), ${#lic_rows[@]} licence rules"
    # Every rule's licence must be one the package's copyright file actually names.
    for row in "${lic_rows[@]}"; do
        IFS=$'\t' read -r pkg _ text <<< "$row"
        [ -n "${version[$pkg]:-}" ] || die "$licences names $pkg, which is not a pinned package"
        grep -qxF "License: ${text%% *}" "/usr/share/doc/$pkg/copyright" \
            || die "$licences gives ${text%% *} for $pkg, but /usr/share/doc/$pkg/copyright has no 'License: ${text%% *}'"
    done
}

licence_of() { # package original-path -> licence text
    local row pkg glob text
    for row in "${lic_rows[@]}"; do
        IFS=$'\t' read -r pkg glob text <<< "$row"
        # shellcheck disable=SC2053  # the glob is meant to match as a pattern
        if [ "$pkg" = "$1" ] && [[ $2 == $glob ]]; then printf '%s' "$text"; return 0; fi
    done
    return 1
}

# A row's outputs: <backgrounds|events>/<label>/<name>.wav, or <name>-s<i>.wav for i = 1..N with
# "segments=N", relative to the sources folder, one a line.
outputs_of() {
    local kind label name pkg source options dir n i
    IFS=$'\t' read -r kind label name pkg source options <<< "$1"
    case "$kind" in background) dir=backgrounds ;; event) dir=events ;; *) die "sources table: bad kind '$kind'" ;; esac
    case "$options" in -|'') n=1 ;; segments=[0-9]*) n=${options#segments=} ;; *) die "sources table: bad options '$options'" ;; esac
    if [ "$n" -le 1 ]; then echo "$dir/$label/$name.wav"; else
        for ((i = 1; i <= n; i++)); do echo "$dir/$label/$name-s$i.wav"; done
    fi
}

stat_db() { # file field -> value of a `sox stats` field, e.g. "RMS lev dB"
    sox "$1" -n stats 2>&1 | awk -v f="$2" 'index($0, f) == 1 { print $(NF) }'
}

convert_event() { # in out; writes nothing when the clip is too short
    local tmp="$2.tmp.wav" len
    # Mono, CLIP_RATE, peak at PEAK_CEILING_DB; leading and trailing parts more than 50 dB below
    # that peak trimmed, so that an event's onset in the annotations is where its sound starts;
    # at most EVENT_MAX_SECONDS long. (-V1: no warning when a clip is shorter than that.)
    sox -V1 -R "$1" -e float -b 32 "$tmp" channels 1 rate -v "$CLIP_RATE" gain -n "$PEAK_CEILING_DB" \
        silence 1 0.005 -51d reverse silence 1 0.005 -51d reverse trim 0 "$EVENT_MAX_SECONDS"
    len=$(soxi -D "$tmp")
    if awk -v l="$len" -v m="$EVENT_MIN_SECONDS" 'BEGIN { exit !(l >= m) }'; then
        sox -R "$tmp" -b 16 "$2.part.wav"
        mv "$2.part.wav" "$2"
    fi
    rm -f "$tmp"
}

convert_background() { # in first-out segments
    local tmp="$2.tmp.wav" rms pk gain len seg i
    sox -R "$1" -e float -b 32 "$tmp" channels 1 rate -v "$CLIP_RATE"
    rms=$(stat_db "$tmp" "RMS lev dB")
    pk=$(stat_db "$tmp" "Pk lev dB")
    # Same RMS level for every recording, so loudness alone does not tell the scene.
    gain=$(awk -v r="$rms" -v p="$pk" -v tr="$BACKGROUND_RMS_DB" -v tp="$PEAK_CEILING_DB" \
        'BEGIN { g = tr - r; if (p + g > tp) g = tp - p; printf "%.2f", g }')
    if [ "$3" -le 1 ]; then
        sox -R "$tmp" -b 16 "$2.part.wav" gain "$gain"
        mv "$2.part.wav" "$2"
    else
        # One long recording cut into N equal, non-overlapping segments, each a "recording" of
        # its own for the split (they share the recording conditions).
        len=$(soxi -D "$tmp")
        seg=$(awk -v l="$len" -v n="$3" 'BEGIN { printf "%.6f", l / n }')
        for ((i = 1; i <= $3; i++)); do
            sox -R "$tmp" -b 16 "${2%-s1.wav}-s$i.part.wav" \
                trim "$(awk -v s="$seg" -v i="$i" 'BEGIN { printf "%.6f", s * (i - 1) }')" "$seg" gain "$gain"
            mv "${2%-s1.wav}-s$i.part.wav" "${2%-s1.wav}-s$i.wav"
        done
    fi
    rm -f "$tmp"
}

# bench_build_sources TITLE: makes $out/sources from the rows: clips, LICENSES.tsv, MANIFEST.txt,
# copyright/. Kept while the tables, this file and the package and sox versions are unchanged
# (a stamp in sources/.stamp); sets `stamp` for the synthesis step's own stamp.
bench_build_sources() {
    local title=$1 spec sox_version row kind label name pkg source options o f h in made rel lic lic_path orig i n total d dir zip
    step "checking whether earlier output can be kept"
    sox_version=$(installed_version sox)
    stamp=$(
        {
            cat "${table_files[@]}" "${BASH_SOURCE[0]}"
            for spec in "${PACKAGES[@]}"; do echo "${spec%%=*} ${version[${spec%%=*}]}"; done
            echo "sox $sox_version"
        } | sha256sum | cut -d' ' -f1
    )
    src="$out/sources"
    local work="$out/.work"
    if [ "$force" = 1 ] || [ "$(cat "$src/.stamp" 2>/dev/null)" != "$stamp" ]; then
        if [ -d "$src" ]; then echo "clip tables, packages or scripts changed (or --force): rebuilding $src"; fi
        rm -rf "$src" "$work"
    else
        echo "sources are up to date; only missing clips are made"
    fi
    mkdir -p "$src/backgrounds" "$src/events" "$work"

    step "extracting zip entries"
    # dropped.txt lists rows left out on an earlier run (too short, or the same samples as an
    # earlier row), so that a rerun does not make them again.
    touch "$work/dropped.txt"
    local todo=() outs=() entries=()
    local -A zip_entries=()
    for row in "${rows[@]}"; do
        IFS=$'\t' read -r kind label name pkg source options <<< "$row"
        mapfile -t outs < <(outputs_of "$row")
        [ -f "$src/${outs[-1]}" ] && continue
        grep -qxF "$name" "$work/dropped.txt" && continue
        todo+=("$row")
        case "$source" in *'!'*) zip_entries[${source%%!*}]+="${source#*!}"$'\n' ;; esac
    done
    for zip in "${!zip_entries[@]}"; do
        [ -f "$zip" ] || die "$zip not found"
        mapfile -t entries < <(printf '%s' "${zip_entries[$zip]}")
        echo "$zip: ${#entries[@]} entries"
        unzip -q -o "$zip" "${entries[@]}" -d "$work/zip"
    done

    step "converting ${#todo[@]} clips to mono 44.1 kHz 16-bit WAV"
    made=0
    for row in "${todo[@]}"; do
        IFS=$'\t' read -r kind label name pkg source options <<< "$row"
        case "$source" in *'!'*) in="$work/zip/${source#*!}" ;; *) in=$source ;; esac
        [ -f "$in" ] || die "$source not found (is $pkg ${version[$pkg]} installed?)"
        mapfile -t outs < <(outputs_of "$row")
        mkdir -p "$(dirname "$src/${outs[0]}")"
        if [ "$kind" = event ]; then
            convert_event "$in" "$src/${outs[0]}"
            if [ ! -f "$src/${outs[0]}" ]; then
                warn "$name: shorter than ${EVENT_MIN_SECONDS}s after trimming silence; left out"
                echo "$name" >> "$work/dropped.txt"; continue
            fi
        else
            convert_background "$in" "$src/${outs[0]}" "${#outs[@]}"
        fi
        made=$((made + ${#outs[@]}))
    done
    echo "made $made files"

    # The clips of this build in table order. Exact duplicates (the same samples under two names,
    # e.g. 0ad's pig_10 and pig_12) would put one sound in two splits: the first in table order stays.
    local -A expected=() seen_hash=()
    for row in "${rows[@]}"; do
        mapfile -t outs < <(outputs_of "$row")
        for o in "${outs[@]}"; do
            [ -f "$src/$o" ] || continue
            h=$(md5sum < "$src/$o" | cut -d' ' -f1)
            if [ -n "${seen_hash[$h]:-}" ]; then
                warn "$o has the same samples as ${seen_hash[$h]}; left out"
                rm -f "$src/$o"; IFS=$'\t' read -r _ _ name _ <<< "$row"; echo "$name" >> "$work/dropped.txt"
            else
                seen_hash[$h]=$o
                expected[$o]=$row
            fi
        done
    done
    echo "${#expected[@]} clips; left out: $(sort -u "$work/dropped.txt" | tr '\n' ' ')"

    # Clips no longer in the tables (from an older run) must not reach the synthesiser.
    while IFS= read -r -d '' f; do
        rel=${f#"$src/"}
        if [ -z "${expected[$rel]:-}" ]; then echo "removing stale $rel"; rm -f "$f"; fi
    done < <(find "$src/backgrounds" "$src/events" -type f -print0)
    find "$src/backgrounds" "$src/events" -mindepth 1 -type d -empty -delete

    step "writing LICENSES.tsv, MANIFEST.txt and the packages' copyright files"
    {
        for o in "${!expected[@]}"; do
            IFS=$'\t' read -r kind label name pkg source options <<< "${expected[$o]}"
            case "$source" in *'!'*) lic_path=${source#*!} ;; *) lic_path=$source ;; esac
            lic=$(licence_of "$pkg" "$lic_path") || die "no licence rule matches $pkg $source"
            orig=$source
            case "$options" in segments=*)
                i=${o##*-s}; orig="$source (segment ${i%.wav} of ${options#segments=}, equal parts)" ;;
            esac
            printf '%s\t%s\t%s\t%s\t%s\n' "$o" "$pkg" "${version[$pkg]}" "$orig" "$lic"
        done | LC_ALL=C sort
    } > "$src/LICENSES.tsv.part"
    mv "$src/LICENSES.tsv.part" "$src/LICENSES.tsv"
    mkdir -p "$src/copyright"
    for spec in "${PACKAGES[@]}"; do
        name=${spec%%=*}
        cp "/usr/share/doc/$name/copyright" "$src/copyright/$name.txt"
    done
    {
        echo "$title"
        echo "Audio: mono, 44100 Hz, 16-bit PCM WAV. Backgrounds at $BACKGROUND_RMS_DB dBFS RMS (peak <= $PEAK_CEILING_DB dBFS); events peak-normalised to $PEAK_CEILING_DB dBFS, with leading and trailing sound 50 dB below the peak trimmed."
        echo
        echo "packages:"
        for spec in "${PACKAGES[@]}"; do echo "  ${spec%%=*} ${version[${spec%%=*}]}"; done
        echo "tools:"
        for name in "${TOOLS[@]}"; do echo "  $name $(installed_version "$name")"; done
        echo
        echo "clips per label (files, total seconds):"
        for dir in backgrounds events; do
            for d in "$src/$dir"/*/; do
                n=0 total=0
                for f in "$d"*.wav; do
                    n=$((n + 1))
                    total=$(awk -v a="$total" -v b="$(soxi -D "$f")" 'BEGIN { printf "%.1f", a + b }')
                done
                printf '  %-12s %-12s %3d %8.1f\n' "$dir" "$(basename "$d")" "$n" "$total"
            done
        done
    } > "$src/MANIFEST.txt"
    sed -n '/^clips per label/,$p' "$src/MANIFEST.txt"
    echo "$stamp" > "$src/.stamp"
    find "$work" -mindepth 1 -maxdepth 1 -name zip -exec rm -rf {} +
}

# bench_write_spec TEMPLATE TARGET MIN_RECORDINGS: copies the spec and checks that every label it
# names (in scenes or at the top level) has clips, and every background label at least
# MIN_RECORDINGS recordings, so that each split can have its own.
bench_write_spec() {
    local template=$1 target=$2 min_recordings=$3 dir lbl n
    cp "$template" "$target.part"
    mv "$target.part" "$target"
    jq -r '([.scenes[]?.backgrounds[]?, .backgrounds[]?] | unique[] | "backgrounds \(.)"),
           ([.scenes[]?.events.labels[]?, .events.labels[]?] | unique[] | "events \(.)")' "$target" |
    while read -r dir lbl; do
        n=$(find "$src/$dir/$lbl" -name '*.wav' 2>/dev/null | wc -l)
        [ "$n" -gt 0 ] || die "$(basename "$target"): $dir/$lbl has no clips"
        if [ "$dir" = backgrounds ] && [ "$n" -lt "$min_recordings" ]; then
            die "$(basename "$target"): $dir/$lbl has $n recording(s); at least $min_recordings are needed"
        fi
    done
}

# bench_check_definition SPEC JQ_TEST WHAT: warns when the spec no longer passes JQ_TEST, the
# benchmark's definition (WHAT says it in words).
bench_check_definition() {
    jq -e "$2" "$1" >/dev/null || warn "the spec no longer meets the benchmark's definition ($3)"
}

# bench_stop_if_no_synth: ends the build with success after the spec when --no-synth was given.
bench_stop_if_no_synth() {
    if [ "$no_synth" = 1 ]; then
        step "done (--no-synth): sources and spec are in $out"
        exit 0
    fi
}

# bench_synth SPEC SET_DIR [SYNTH OPTION...]: runs `compactconv synth` unless SET_DIR is up to date
# (same sources, spec and checkout source). Sets synth_skipped=1 when the checkout has no synth
# command (so the caller can stop with success), 0 otherwise; any failure ends the script.
bench_synth() {
    local spec_file=$1 set_dir=$2 synth_stamp project
    shift 2
    synth_skipped=0
    synth_stamp=$(
        {
            echo "$stamp"; cat "$spec_file"; echo "$*"
            git -C "$repo" rev-parse HEAD 2>/dev/null || true
            git -C "$repo" diff HEAD -- src 2>/dev/null || true
        } | sha256sum | cut -d' ' -f1
    )
    if [ "$force" = 0 ] && [ -f "$set_dir/synth_report.json" ] && [ "$(cat "$out/.synth-stamp" 2>/dev/null)" = "$synth_stamp" ]; then
        echo "$set_dir is up to date"
        return 0
    fi
    command -v dotnet >/dev/null || die "dotnet not found; install the .NET 10 SDK, or use --no-synth"
    project="$repo/src/CompactConv.Cli"
    dotnet build "$project" -c Release -nologo -v quiet >/dev/null || die "dotnet build of $project failed"
    if ! dotnet run --no-build --project "$project" -c Release -- --help | grep -qE '^[[:space:]]+synth[[:space:]]'; then
        echo "The compactconv in this checkout has no 'synth' command yet: skipping synthesis."
        echo "Sources and spec are ready in $out; once synth exists, rerun this script or run:"
        echo "  dotnet run --project $project -c Release -- synth --spec $spec_file --out $set_dir $*"
        synth_skipped=1
        return 0
    fi
    rm -rf "$set_dir" "$out/.synth-stamp"
    dotnet run --no-build --project "$project" -c Release -- synth --spec "$spec_file" --out "$set_dir" "$@" || die "compactconv synth failed"
    [ -f "$set_dir/synth_report.json" ] || die "synth finished without writing $set_dir/synth_report.json"
    echo "$synth_stamp" > "$out/.synth-stamp"
}
