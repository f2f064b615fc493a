#!/usr/bin/env bash
# Installs the compactconv tool from the local feed the way a user would, outside the repository, and runs
# it: --help, a model summary and a tiny training on the embedded Fashion-MNIST subset. Reports the time
# each step took and the package sizes. Makes the feed first unless --reuse-feed is given and it exists.
# Usage: scripts/check-tool-install.sh [--reuse-feed]
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
feed="$repo/artifacts/feed"
step_start=$SECONDS
step() {
  echo "   ($((SECONDS - step_start)) s)"
  step_start=$SECONDS
  echo "== $*"
}

echo "== feed"
if [[ "${1:-}" == "--reuse-feed" && -n "$(ls "$feed"/CompactConv.Tool.*.nupkg 2>/dev/null)" ]]; then
  echo "reusing $feed"
else
  scripts/make-local-feed.sh "$feed" >/dev/null
fi
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/Directory.Build.props)"

work="$(mktemp -d "${TMPDIR:-/tmp}/compactconv-tool-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$work"   # outside the repository: nothing may come from its build
# A private package cache, so the package just packed is installed even if an older one of the same version is cached.
export NUGET_PACKAGES="$work/nuget-packages"

step "dotnet tool install CompactConv.Tool $version into $work/tools"
dotnet tool install CompactConv.Tool --version "$version" --tool-path "$work/tools" --add-source "$feed"
tool="$work/tools/compactconv"

step "compactconv --help"
"$tool" --help | head -n 15

step "compactconv summary --model smallcnn --conv compact"
"$tool" summary --model smallcnn --conv compact | tail -n 2

step "compactconv train (the Fashion-MNIST subset shipped in the tool package, tiny)"
# --data names the installed copy, so the run shows the package carries the data (without it a system copy could win).
subset="$(dirname "$(find "$work/tools/.store" -name train-images-idx3-ubyte.gz | head -n 1)")"
"$tool" train --dataset fashion-mnist --data "$subset" --model smallcnn --conv compact --epochs 1 --train-limit 500 --batch 64 --plain --out "$work/run" | tail -n 8
test -f "$work/run/config.json"

step "compactconv eval (the test split of that subset)"
"$tool" eval --checkpoint "$work/run" --best --plain | tail -n 3

step "compactconv predict on a PNG (decoded by SkiaSharp's native library)"
# A 28x28 grey PNG written with Python's zlib, so the check needs no image tools.
python3 - "$work/shirt.png" <<'PY'
import struct, sys, zlib
w = h = 28
rows = b"".join(b"\x00" + bytes((x * 9) % 256 for x in range(w)) for _ in range(h))
chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
"$tool" predict "$work/shirt.png" --checkpoint "$work/run" --plain

step "sizes"
ls -1sh "$feed"/*.nupkg
du -sh "$work/tools/.store" | sed 's/^/installed: /'
echo "OK: compactconv installed from $feed and ran; total $SECONDS s"
