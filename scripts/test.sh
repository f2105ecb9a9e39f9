#!/usr/bin/env bash
# Sets up, builds and runs every test suite, going on past failures. Ends with
# one line `N passed, N failed` counting suites; the exit status is 1 if any
# suite failed. The shared conformance cases count when ../shared is there;
# tests/runtime (runtime cases not reproduced yet) is run for information.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

shared=${HEAPLAB_SHARED:-../shared}
passed=0
failed=0
failed_suites=()

# suite NAME COMMAND...: runs one suite under a header and records its result.
suite() {
  local name=$1
  shift
  printf '\n======== %s\n' "$name"
  local started=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    printf '======== %s: passed (%ds)\n' "$name" $((SECONDS - started))
  else
    failed=$((failed + 1))
    failed_suites+=("$name")
    printf '======== %s: FAILED (%ds)\n' "$name" $((SECONDS - started))
  fi
}

native_release() {
  cmake --preset release && cmake --build --preset release -j2 && ctest --preset release
}

native_debug_sanitizers() {
  cmake --preset debug && cmake --build --preset debug -j2 && ctest --preset debug
}

# Informational until the interpreter covers them: prints the checker's
# summary, never fails the run.
informational_check() {
  local title=$1 dir=$2
  printf '\n======== %s (informational, not counted)\n' "$title"
  if [[ ! -d $dir ]]; then
    echo "skipped: no $dir"
  elif [[ ! -x build/release/heaplab ]]; then
    echo "skipped: build/release/heaplab was not built"
  else
    build/release/heaplab check "$dir" | tail -n 1
  fi
}

suite "setup" bash scripts/setup.sh
if [[ -d $shared/conformance ]]; then
  export HEAPLAB_SHARED=$(cd "$shared" && pwd)  # ctest's `conformance` test runs it
  conformance="shared conformance"
else
  printf '\n======== shared conformance: skipped, no %s\n' "$shared/conformance"
  conformance="no shared conformance"
fi
suite "native release: build, ctest (memory_tests, core_tests, tests/cases, exercises, $conformance)" native_release
informational_check "runtime corpus, being implemented (tests/runtime)" tests/runtime
suite "native debug with ASan+UBSan: build, ctest (the same suites)" native_debug_sanitizers
suite "fuzzing: 60 s per target" bash scripts/fuzz.sh 60
suite "wasm build and page: scripts/build-web.sh" bash scripts/build-web.sh
suite "node tests: tests/node/" node --test tests/node/
suite "browser tests: tests/browser/" node --test tests/browser/

printf '\n'
if ((failed > 0)); then
  echo "failed suites: ${failed_suites[*]}"
fi
echo "$passed passed, $failed failed"
((failed == 0))
