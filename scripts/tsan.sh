#!/usr/bin/env bash
# Builds the library and the concurrency test under ThreadSanitizer (tests/tsan, in
# build/tsan) and runs it: many threads on one shared const cohort, shared evaluations,
# statistics, certificates and a register, a recording thread on its own cohort, and the C
# ABI's shared handles and per-thread last error (docs/fuzzing.md). Any data race reported
# by ThreadSanitizer, or any result that differs from the single-threaded one, fails it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jobs="${SMART_JOBS:-2}"
build="$root/build/tsan"

start=$SECONDS
cmake -S "$root/tests/tsan" -B "$build" >/dev/null
cmake --build "$build" --target smart_concurrency -j"$jobs" >"$build/build.log" 2>&1 || { tail -50 "$build/build.log"; exit 1; }
echo "tsan: built in $((SECONDS - start)) s"

run_start=$SECONDS
# halt_on_error: the first race fails the run; exitcode 66 tells a race from a wrong result
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:exitcode=66:second_deadlock_stack=1:history_size=4}"
# the sanitizer is really there: a race made on purpose must be reported
rc=0
"$build/smart_concurrency" --self-test >"$build/self-test.log" 2>&1 || rc=$?
if [ $rc -ne 66 ]; then
  cat "$build/self-test.log"
  echo "tsan: the self-test's race was not reported (exit $rc): is the build instrumented?" >&2
  exit 1
fi
"$build/smart_concurrency"
echo "tsan: ran in $((SECONDS - run_start)) s"
