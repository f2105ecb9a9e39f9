#!/usr/bin/env bash
# The performance suite, one command: heaplab side by side with glibc malloc,
# CPython 3.12 and Pyodide. Every figure is a median of alternating runs,
# printed as a ratio; absolute times only beside their ratio.
#   bash bench/run.sh [runs]      (default 5 runs of each side)
# Builds what it needs (the release preset, the wasm module and the page).
# CPython 3.12 ($PYTHON312, python3.12 or pyenv's) and libpython3.12 for the
# obmalloc comparison are used where installed; parts that need one say so.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}

section() { printf '\n== %s\n' "$*"; }

bash scripts/setup.sh >/dev/null
[[ -f build/release/CMakeCache.txt ]] || cmake --preset release >/dev/null
cmake --build build/release -j2 >/dev/null
bash scripts/build-web.sh >/dev/null

echo "heaplab performance suite, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores," \
  "$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"

section "allocator: alloc/free throughput on the same traces (heaplab / other, above 1 = heaplab faster)"
bash bench/allocator_vs_cpython.sh "$runs"

section "collector: a full collection of N objects (heaplab / CPython time, below 1 = heaplab faster)"
bash bench/gc_vs_cpython.sh "$runs"

section "interpreter: bench/python/interp_*.py (heaplab / CPython time)"
bash bench/python_vs_cpython.sh "$runs" 'interp_*'

section "WebAssembly in node: the same programs (heaplab wasm / Pyodide time)"
node bench/wasm_vs_pyodide.mjs "$runs"

section "start-up and size: first prompt in Chromium, bytes shipped gzip (heaplab / Pyodide)"
node bench/startup_and_size.mjs "$runs"
