#!/usr/bin/env bash
# The collector side by side with CPython 3.12 (bench/python/gc_*.py).
#   bash bench/gc_vs_cpython.sh [runs]     (default 5)
exec bash "$(dirname "$0")/python_vs_cpython.sh" "${1:-5}" 'gc_*'
