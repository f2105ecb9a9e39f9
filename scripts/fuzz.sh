#!/usr/bin/env bash
# Builds the libFuzzer targets (preset `fuzz`: every fuzz/*_fuzzer.cpp, with
# ASan and UBSan), fuzzes each for SECONDS (default 60) from its seed corpus,
# then replays the committed crash inputs of fuzz/regressions/<target>/.
# Ends with one line, `fuzz: N targets, N crashes`; the exit status is 1 on
# any crash, hang, leak or failed audit, whose input is left in
# build/fuzz/artifacts/<target>/ (add it to fuzz/regressions/<target>/ with
# the fix). Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds=${1:-60}
shift $(($# > 0 ? 1 : 0))
build=build/fuzz

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
if ! { cmake --preset fuzz "${launcher[@]}" >/dev/null && cmake --build --preset fuzz -j2 >"$build.log" 2>&1; }; then
  grep -E 'error|Error' "$build.log" | head -n 20
  echo "fuzz: the build failed (see $build.log)"
  exit 1
fi

targets=("$@")
if ((${#targets[@]} == 0)); then
  for source in fuzz/*_fuzzer.cpp; do
    name=$(basename "$source" .cpp)
    targets+=("$name")
  done
fi

# The seed corpus, written beside what earlier runs found: the project's
# Python programs, or for share links, fragments made from them as the page
# makes them (#v1. + base64url(deflate-raw(JSON))).
seed_corpus() {
  local target=$1 dir=$2
  case $target in
    share_link_fuzzer)
      command -v python3 >/dev/null || return 0
      python3 - "$dir" tests/cases/*.py examples/*.py examples/exercises/*.json <<'PYTHON'
import base64, json, pathlib, sys, zlib
out = pathlib.Path(sys.argv[1])
settings = {"memoryLimitMb": 64, "thresholds": [2000, 10, 10], "debugAllocator": False}
for path in map(pathlib.Path, sys.argv[2:]):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        state = {"code": json.loads(text).get("starter", ""), "exercise": json.loads(text), "settings": settings}
    else:
        state = {"code": text, "exercise": None, "settings": settings}
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = deflate.compress(json.dumps(state).encode()) + deflate.flush()
    fragment = "#v1." + base64.urlsafe_b64encode(packed).decode().rstrip("=")
    if len(fragment) <= 8192:
        (out / (path.name + ".link")).write_text(fragment)
PYTHON
      ;;
    *)
      cp tests/cases/*.py examples/*.py examples/exercises/*.py "$dir"/
      ;;
  esac
}

# libFuzzer flags per target: Python source for most, a URL fragment
# (at most 8192 characters, and longer ones must be refused) for share links.
target_flags() {
  case $1 in
    share_link_fuzzer) echo "-max_len=10000" ;;
    *) echo "-max_len=4096 -dict=fuzz/python.dict" ;;
  esac
}

# Every input must end within -timeout seconds and -rss_limit_mb MiB.
common_flags=(-timeout=10 -rss_limit_mb=2048)

crashes=0
for target in "${targets[@]}"; do
  binary=$build/fuzz/$target
  corpus=$build/corpus/$target
  artifacts=$build/artifacts/$target
  log=$build/logs/$target.log
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  seed_corpus "$target" "$corpus"
  # shellcheck disable=SC2046 # target_flags is a list of flags
  if "$binary" "${common_flags[@]}" $(target_flags "$target") -max_total_time="$seconds" \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1; then
    outcome="no crash"
  else
    outcome="CRASH, see $log"
    crashes=$((crashes + 1))
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|.*: audit|run_fuzzer|parser_fuzzer)' "$log" | head -n 20
    grep -E 'Test unit written to|artifact_prefix' "$log" | tail -n 2
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  units=$(ls "$corpus" | wc -l)
  echo "$target: ${seconds} s, ${runs:-?} runs (${rate:-?}/s), corpus $units inputs: $outcome"

  regressions=(fuzz/regressions/"$target"/*)
  [[ -e ${regressions[0]} ]] || continue
  failed=0
  for input in "${regressions[@]}"; do
    if ! "$binary" "${common_flags[@]}" "$input" >"$log.replay" 2>&1; then
      echo "$target: regression $input fails again:"
      grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|.*: audit)' "$log.replay" | head -n 10
      failed=$((failed + 1))
    fi
  done
  crashes=$((crashes + failed))
  echo "$target: ${#regressions[@]} regression inputs replayed, $failed failed"
done

echo "fuzz: ${#targets[@]} targets, $crashes crashes"
((crashes == 0))
