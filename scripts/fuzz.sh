#!/usr/bin/env bash
# Builds the libFuzzer harnesses of Fuzz/ with -sanitize=fuzzer,address and runs one target (or all, one after
# the other) on its corpus. Usage: scripts/fuzz.sh [target|all] [seconds]   (default: all, 600 s each)
# Targets: yaml json csv csv-join xlsx criteria expression. See Fuzz/README.md.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
fuzz="$root/Fuzz"
target=${1:-all}
seconds=${2:-600}
targets=(yaml json csv csv-join xlsx criteria expression)

if [[ "$target" != all ]] && [[ ! " ${targets[*]} " == *" $target "* ]]; then
  echo "fuzz.sh: unknown target '$target' (one of: all ${targets[*]})" >&2
  exit 2
fi

# Release build: the sanitizers stay on, and the optimiser makes the run about ten times faster than debug.
echo "== building the harness (release, -sanitize=fuzzer,address)" >&2
swift build --package-path "$fuzz" -c release --product tieuchi-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -g >&2
binary="$(swift build --package-path "$fuzz" -c release --show-bin-path)/tieuchi-fuzz"

"$fuzz/make-corpus.sh"

# The longest input worth trying per format: a few records or a small workbook, a criteria file, an expression.
max_len() {
  case $1 in
    yaml | json | criteria) echo 65536 ;;
    csv | csv-join) echo 16384 ;;
    xlsx) echo 65536 ;;
    expression) echo 4096 ;;
  esac
}

run() {
  local name=$1
  local corpus="$fuzz/corpus/$name" work="$fuzz/.work/$name" crashes="$fuzz/crashes/$name"
  mkdir -p "$work/corpus" "$crashes"
  local dict=()
  [[ -f "$fuzz/dictionaries/$name.dict" ]] && dict=(-dict="$fuzz/dictionaries/$name.dict")
  # The loader now refuses expressions over 64 levels or 1,000 tokens, so deep inputs are fuzzed too (0: no
  # skip); TIEUCHI_FUZZ_MAX_NESTING=N skips inputs nested deeper than N, to look past a known deep-nesting bug.
  local nesting=${TIEUCHI_FUZZ_MAX_NESTING:-0}
  echo "== $name: ${seconds}s, max_len $(max_len "$name"), crashes in Fuzz/crashes/$name" >&2
  local log="$work/fuzz.log"
  # TIEUCHI_FUZZ_KEEP_GOING=1: one forked child at a time (-fork=1) that is restarted after a crash, hang or
  # out-of-memory, so that a long run collects every failure instead of stopping at the first one.
  local keep_going=()
  [[ ${TIEUCHI_FUZZ_KEEP_GOING:-0} == 1 ]] && keep_going=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  set +e
  # New inputs go to the uncommitted work folder; the committed seeds stay small. One fuzzer process, in-process
  # (what -jobs=1 -workers=1 gives, without a second process writing fuzz-0.log to the current folder). Leak
  # detection is off: LeakSanitizer cannot see pointers Swift keeps in enum payloads' spare bits, and reports
  # every long-lived indirect enum (the criteria sets kept between inputs) as leaked. Swift's own crash
  # backtracer is off so that the sanitizer reports the crash.
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} SWIFT_BACKTRACE=enable=no TIEUCHI_FUZZ_TARGET=$name TIEUCHI_FUZZ_MAX_NESTING=$nesting \
    "$binary" "$work/corpus" "$corpus" -detect_leaks=0 -max_total_time="$seconds" -max_len="$(max_len "$name")" -timeout=10 -rss_limit_mb=2560 \
    -artifact_prefix="$crashes/" -print_final_stats=1 "${dict[@]}" "${keep_going[@]}" 2>&1 | tee "$log" | grep -E '^#[0-9]+.*(pulse|DONE)|ERROR|SUMMARY|invariant|Test unit written|artifact|crash|timeout' >&2
  local status=${PIPESTATUS[0]}
  set -e
  local executions coverage
  # In-process runs print stat::number_of_executed_units; fork mode prints "#EXECUTIONS: cov: …" per child.
  executions=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1 || true)
  [[ -z $executions ]] && executions=$(grep -Eo '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  coverage=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
  echo "$name: exit $status, ${executions:-?} executions, ${coverage:-cov: ?}, corpus $(ls "$work/corpus" | wc -l) files"
  return "$status"
}

mkdir -p "$fuzz/.work"
failed=0
if [[ $target == all ]]; then
  for name in "${targets[@]}"; do run "$name" || failed=1; done
else
  run "$target" || failed=1
fi
exit $failed
