#!/bin/bash
# Every exercise in DIR against heaplab: its reference solution
# (X.solution.py) must pass all checks, its starter code must fail at least
# one. Usage: check_all.sh HEAPLAB DIR
heaplab=$1
dir=$2
failed=0
count=0
for exercise in "$dir"/*.json; do
  solution=${exercise%.json}.solution.py
  name=$(basename "$exercise" .json)
  count=$((count + 1))
  if [ ! -f "$solution" ]; then
    echo "FAIL $name: no reference solution $solution"
    failed=$((failed + 1))
    continue
  fi
  "$heaplab" exercise check "$exercise" "$solution" >/tmp/heaplab_exercise.$$ 2>&1
  if [ $? -ne 0 ]; then
    echo "FAIL $name: the reference solution does not pass"
    cat /tmp/heaplab_exercise.$$
    failed=$((failed + 1))
    continue
  fi
  "$heaplab" exercise check "$exercise" >/tmp/heaplab_exercise.$$ 2>&1
  status=$?
  if [ $status -ne 1 ]; then
    echo "FAIL $name: the starter code should fail a check (exit status 1, got $status)"
    cat /tmp/heaplab_exercise.$$
    failed=$((failed + 1))
    continue
  fi
  echo "ok   $name"
done
rm -f /tmp/heaplab_exercise.$$
echo "$((count - failed)) passed, $failed failed"
[ $count -gt 0 ] && [ $failed -eq 0 ]
