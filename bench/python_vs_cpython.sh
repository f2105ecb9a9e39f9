#!/usr/bin/env bash
# heaplab side by side with CPython 3.12: each program in bench/python prints
# the seconds its timed part took (a `seconds <t>` line); runs alternate
# between heaplab and CPython, and the median of each side gives the ratio
# (heaplab / CPython). The last line is the geometric mean of the ratios.
#   bash bench/python_vs_cpython.sh [runs] [glob]   (default 5 runs, every program)
#   bash bench/python_vs_cpython.sh 9 'gc_*'        (the collector programs)
# BENCH_PROGRAMS names another folder of programs (bench/gc_vs_cpython.sh's).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
pattern=${2:-*}
heaplab=build/release/heaplab
python=${PYTHON312:-}
for candidate in python3.12 /root/.pyenv/versions/3.12.1/bin/python3.12; do
  [[ -n $python ]] && break
  if "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 12)' 2>/dev/null; then python=$candidate; fi
done
[[ -x $heaplab ]] || { echo "build first: cmake --preset release && cmake --build build/release"; exit 1; }
[[ -n $python ]] || { echo "no CPython 3.12 found (set PYTHON312)"; exit 1; }

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
seconds_of() { "$@" | awk '/^seconds/ {print $2}'; }

printf '%-24s %12s %12s %8s\n' program heaplab_s cpython_s ratio
log_sum=0 count=0
for program in "${BENCH_PROGRAMS:-bench/python}"/${pattern%.py}.py; do
  ours=() theirs=()
  for ((i = 0; i < runs; i++)); do
    ours+=("$(seconds_of "$heaplab" run "$program")")
    theirs+=("$(seconds_of "$python" "$program")")
  done
  a=$(printf '%s\n' "${ours[@]}" | median)
  b=$(printf '%s\n' "${theirs[@]}" | median)
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN {print a / b}')
  printf '%-24s %12.4f %12.4f %8.2f\n' "$(basename "$program" .py)" "$a" "$b" "$ratio"
  log_sum=$(awk -v s="$log_sum" -v r="$ratio" 'BEGIN {print s + log(r)}')
  count=$((count + 1))
done
printf '%-24s %12s %12s %8.2f\n' "geometric mean" "" "" "$(awk -v s="$log_sum" -v n="$count" 'BEGIN {print exp(s / n)}')"
