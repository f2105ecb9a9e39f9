#!/usr/bin/env bash
# The collector side by side with CPython 3.12: bench/python/gc_*.py with
# N = 10,000, 100,000 and 1,000,000 objects (each program's `N = ` line),
# through python_vs_cpython.sh's alternating runs and medians.
#   bash bench/gc_vs_cpython.sh [runs]     (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
programs=$(mktemp -d)
trap 'rm -rf "$programs"' EXIT
for program in bench/python/gc_*.py; do
  for n in 10000 100000 1000000; do
    sed "s/^N = .*/N = $n/" "$program" > "$programs/$(basename "$program" .py)_$n.py"
  done
done
BENCH_PROGRAMS=$programs bash bench/python_vs_cpython.sh "$runs"
