#!/usr/bin/env bash
# Allocator throughput on the traces of bench/allocator/traces.h: heaplab's
# Object domain against glibc malloc and CPython 3.12's PyObject_Malloc.
#   bash bench/allocator_vs_cpython.sh [runs]     (default 7)
set -euo pipefail
runs="${1:-7}"
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build/release"
cd "$root"

[ -f "$build/CMakeCache.txt" ] || cmake --preset release >/dev/null
cmake --build "$build" --target allocator_traces -j2 >/dev/null

config=""
for c in python3.12-config /root/.pyenv/versions/3.12.1/bin/python3.12-config; do
  if command -v "$c" >/dev/null 2>&1 && "$c" --embed --ldflags 2>/dev/null | grep -q python3.12; then
    config="$(command -v "$c")"
    break
  fi
done

cpython_args=()
if [ -n "$config" ]; then
  libdir="$("$config" --prefix)/lib"
  prog="$build/bench/cpython_obmalloc"
  # shellcheck disable=SC2046
  cc -O2 -o "$prog" bench/allocator/cpython_obmalloc.c $("$config" --embed --cflags) \
    $("$config" --embed --ldflags) -Wl,-rpath,"$libdir"
  cpython_args=(--cpython "$prog" --dir "$build/bench")
else
  echo "note: no python3.12-config with libpython3.12 found; the CPython column is skipped"
fi

"$build/bench/allocator_traces" --runs "$runs" "${cpython_args[@]}"
