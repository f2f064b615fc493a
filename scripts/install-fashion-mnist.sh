#!/usr/bin/env bash
# Installs the full Fashion-MNIST set (60,000 train / 10,000 test images, IDX files) from Debian's
# `dataset-fashion-mnist` package into /usr/share/datasets/fashion-mnist, where
# `compactconv train --task image --dataset fashion-mnist` finds it without --data.
# Needs root or sudo unless the package is already installed. Re-running is a no-op.
#
# usage: scripts/install-fashion-mnist.sh
set -euo pipefail
package=dataset-fashion-mnist
folder=/usr/share/datasets/fashion-mnist
files=(train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else echo "error: need root (or sudo) to run: $*" >&2; exit 1; fi
}
installed() { dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; }

if ! installed; then
    if ! apt-cache show "$package" >/dev/null 2>&1; then as_root apt-get update; fi
    apt-cache show "$package" >/dev/null 2>&1 || { echo "error: $package is not in the configured Debian archive" >&2; exit 1; }
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$package"
fi
for f in "${files[@]}"; do
    [ -s "$folder/$f" ] || { echo "error: $folder/$f is missing after installing $package" >&2; exit 1; }
done
echo "$package $(dpkg-query -W -f='${Version}' "$package"): $folder"
