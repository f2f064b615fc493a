#!/usr/bin/env python3
"""Turns one TSV line per (row, seed) run into a markdown table with one line per row.

Used by the run-*-targets.sh scripts. Input (stdin): a header line, then tab-separated values. The
column `row` groups runs; `seed` is dropped. Columns whose name is given in --metrics are averaged
over a row's seeds and printed as "mean ± sd (n)" with each seed's value in brackets; every other
column must be equal within a row and is printed once. Values of metric columns are fractions
(printed as percentages) unless the column is listed in --plain-metrics.
"""
import argparse
import statistics
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--metrics", default="", help="comma-separated metric columns")
parser.add_argument("--plain-metrics", default="", help="metric columns printed as numbers, not percentages")
args = parser.parse_args()
metrics = [m for m in args.metrics.split(",") if m]
plain = set(m for m in args.plain_metrics.split(",") if m)

lines = [line.rstrip("\n").split("\t") for line in sys.stdin if line.strip()]
header, rows = lines[0], lines[1:]
index = {name: i for i, name in enumerate(header)}
order, groups = [], {}
for values in rows:
    key = values[index["row"]]
    if key not in groups:
        order.append(key)
        groups[key] = []
    groups[key].append(values)


def show(column, value):
    return f"{value:.3f}" if column in plain else f"{100 * value:.2f}"


columns = [c for c in header if c != "seed"]
print("| " + " | ".join(c + ("" if c not in metrics or c in plain else " (%)") for c in columns) + " |")
print("|" + "|".join("---" if c == "row" else "---:" for c in columns) + "|")
for key in order:
    runs = groups[key]
    cells = []
    for column in columns:
        values = [run[index[column]] for run in runs]
        if column not in metrics:
            distinct = sorted(set(values))
            if len(distinct) != 1:
                sys.exit(f"error: row {key}: column {column} differs between seeds: {distinct}")
            cells.append(distinct[0])
            continue
        numbers = [float(v) for v in values if v not in ("", "nan", "n/a")]
        if not numbers:
            cells.append("n/a")
            continue
        mean = statistics.fmean(numbers)
        spread = statistics.stdev(numbers) if len(numbers) > 1 else float("nan")
        each = ", ".join(show(column, v) for v in numbers)
        cells.append(f"{show(column, mean)} ± {show(column, spread) if len(numbers) > 1 else 'n/a'} ({len(numbers)}: {each})")
    print("| " + " | ".join(cells) + " |")
