#!/usr/bin/env bash
# Writes X.out for every X.py here (or only for the X.py files named) with
# CPython 3.12.1, run from inside this folder. CPython 3.12 makes the script's
# path absolute, so the folder is then cut from the `  File "..."` lines:
# tracebacks show the bare file name, as `heaplab check` runs the cases.
# A program's input() reads X.in when there is one, else meets end of input.
# Only needed when a case is added or changed: running the tests never needs
# CPython.
#
#   -u        unbuffered, so stdout and stderr interleave in the order written
#   -E -s -B  no PYTHON* variables, no user site-packages, no .pyc files
#   -X utf8   UTF-8 output whatever the locale
set -euo pipefail
cd "$(dirname "$0")"

python=${PYTHON312:-/root/.pyenv/versions/3.12.1/bin/python3.12}
version=$("$python" -c 'import sys; print(sys.version.split()[0])')
if [[ $version != 3.12.1 ]]; then
  echo "regenerate.sh: need CPython 3.12.1, but $python is $version" >&2
  exit 1
fi

folder_pattern=$(printf '%s/' "$PWD" | sed 's/[][\\.*^$|]/\\&/g')

if (($# == 0)); then set -- *.py; fi
for program in "$@"; do
  program=$(basename "$program")
  expected=${program%.py}.out
  input=${program%.py}.in  # what the program's input() reads, when present
  [[ -f $input ]] || input=/dev/null
  "$python" -u -E -s -B -X utf8 "$program" < "$input" > "$expected" 2>&1 || true
  sed -i "s|^  File \"$folder_pattern|  File \"|" "$expected"
  echo "wrote $expected"
done
