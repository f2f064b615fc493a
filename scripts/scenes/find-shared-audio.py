#!/usr/bin/env python3
"""Finds clips that contain the same audio, to keep such clips on one side of a train/test split.

Game ambiences are often mixed from shared layers: two files with different names can hold the
same bird call or the same water loop. For every pair of WAV files in each folder given (and for
each file against itself, away from the snippet's own place, which finds loops), this cuts the
first file into half-overlapping snippets and reports the highest normalised cross-correlation of
any snippet at any lag in the second. Unrelated recordings score below about 0.3 at the defaults;
the same audio mixed under other layers scores 0.4 and up; identical audio about 1. Short
impulsive or tonal sounds (chops, hooves, chirps) score higher by chance: for events use
--snippet 0.4 and read only scores above about 0.85 as the same audio.

usage: find-shared-audio.py [--snippet S] [--rate HZ] [--threshold T] [--across] FOLDER...
    (--across also compares files of different folders)
needs: sox on PATH, numpy (Debian: python3-numpy). A development aid: build-scene-benchmark.sh
does not run it; docs/scene-benchmark.md gives the findings that shaped scripts/scenes/sources.tsv.
"""
import argparse
import itertools
import os
import subprocess
import sys

import numpy as np


def load(path, rate):
    raw = subprocess.run(
        ["sox", path, "-t", "raw", "-r", str(rate), "-e", "float", "-b", "32", "-c", "1", "-"],
        check=True, capture_output=True).stdout
    return np.frombuffer(raw, dtype=np.float32).astype(np.float64)


def ncc(y, snippet):
    """Normalised cross-correlation of snippet with every window of y (valid lags only)."""
    s = snippet - snippet.mean()
    n = len(y) + len(s)
    nfft = 1 << (n - 1).bit_length()
    corr = np.fft.irfft(np.fft.rfft(y, nfft) * np.conj(np.fft.rfft(s, nfft)), nfft)
    corr = corr[:len(y) - len(s) + 1]
    sq = np.concatenate([[0.0], np.cumsum(y * y)])
    lin = np.concatenate([[0.0], np.cumsum(y)])
    energy = sq[len(s):] - sq[:-len(s)]
    mean = (lin[len(s):] - lin[:-len(s)]) / len(s)
    var = np.maximum(energy - len(s) * mean * mean, 1e-12)
    return corr / np.sqrt(var * (s @ s) + 1e-20)


def best_match(x, y, width, same):
    best, where = 0.0, (0.0, 0.0)
    if len(y) < width:
        return best, where
    for start in range(0, len(x) - width + 1, max(1, width // 2)):  # snippets overlap by half
        c = ncc(y, x[start:start + width])
        if same:  # a file against itself: ignore lags that overlap the snippet's own place
            c = c.copy()
            c[max(0, start - width):start + width] = 0.0
        i = int(np.argmax(c))
        if c[i] > best:
            best, where = float(c[i]), (start, i)
    return best, where


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--snippet", type=float, default=2.0, help="snippet length in seconds (2)")
    ap.add_argument("--rate", type=int, default=4000, help="analysis sample rate (4000)")
    ap.add_argument("--threshold", type=float, default=0.3, help="report scores above this (0.3)")
    ap.add_argument("--across", action="store_true", help="also compare files of different folders")
    args = ap.parse_args()

    groups = []
    for folder in args.folders:
        files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".wav"))
        groups.append(files)
    if args.across:
        groups = [sorted(itertools.chain.from_iterable(groups))]
    width = int(args.snippet * args.rate)
    for files in groups:
        audio = {f: load(f, args.rate) for f in files}
        for a in files:
            for b in files:
                score, (p, q) = best_match(audio[a], audio[b], width, a == b)
                if score > args.threshold:
                    print(f"{score:.2f}  {a} @{p / args.rate:.1f}s  ~  {b} @{q / args.rate:.1f}s",
                          flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
