#!/usr/bin/env bash
# Regenerates data/fashion-mnist-subset/ (1,200 train + 200 test images per class, seed 0) from
# Debian's full Fashion-MNIST, so that anyone can check the committed files against their origin.
# The gzip bytes may differ on another .NET/zlib version; the decompressed content may not
# (EmbeddedSubsetTests checks that whenever the Debian package is installed).
set -euo pipefail

cd "$(dirname "$0")/.."
full=/usr/share/datasets/fashion-mnist

if ! dpkg-query -W -f='${Status}' dataset-fashion-mnist 2>/dev/null | grep -q 'install ok installed'; then
    if [ "$(id -u)" -eq 0 ]; then
        apt-get install -y dataset-fashion-mnist
    else
        sudo apt-get install -y dataset-fashion-mnist
    fi
fi

dotnet run --project src/CompactConv.Cli -c Release -- \
    data subset --from "$full" --to data/fashion-mnist-subset \
    --train-per-class 1200 --test-per-class 200 --seed 0

(cd data/fashion-mnist-subset && ls -l --time-style=+ ./*.gz && sha256sum ./*.gz)
