#!/usr/bin/env bash
# Sets everything up and runs every test: the C++ and C tests and the schema checks
# (CTest) on a release build with warnings as errors, the C ABI's package and ABI checks,
# the Python package (pip install, pytest, mypy, the notebook), then the C++ and C tests
# again under AddressSanitizer and UndefinedBehaviorSanitizer, the concurrency test under
# ThreadSanitizer, and each fuzzing harness over its corpus plus a fixed number of new runs.
# Each stage prints the time it took.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
started=$SECONDS
stage_started=$SECONDS
stage_name="setup"
# Prints the time of the stage that ends and names the next one.
stage() {
  echo "-- ${stage_name}: $((SECONDS - stage_started)) s"
  stage_name="$1"
  stage_started=$SECONDS
  echo "== $1"
}
source "$root/scripts/setup.sh"
jobs="${SMART_JOBS:-2}"

stage "release build (warnings are errors)"
cmake -S "$root" -B "$root/build/release" -DCMAKE_BUILD_TYPE=Release -DSMART_WERROR=ON \
      -DSMART_TEST_PYTHON="$root/.venv/bin/python" >/dev/null
cmake --build "$root/build/release" -j"$jobs"
stage "Python package (the error contract's Python face is part of the CTest run)"
source "$root/scripts/install_python.sh" "pandas,arrow,test"
stage "tests (release): C++, C ABI (also under valgrind), schemas, credentials, error contract"
ctest --test-dir "$root/build/release" --output-on-failure -j"$jobs"
stage "C ABI: installed package, ABI baseline"
bash "$root/scripts/test_capi.sh" "$root/build/release"

stage "Python package and tests"
bash "$root/scripts/test_python.sh"

stage "sanitizer build (address, undefined)"
cmake -S "$root" -B "$root/build/asan" -DCMAKE_BUILD_TYPE=Debug -DSMART_WERROR=ON \
      -DSMART_SANITIZE=address,undefined -DSMART_BUILD_BENCH=OFF -DSMART_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$root/build/asan" -j"$jobs"
stage "tests (address + undefined behaviour sanitizers)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$root/build/asan" --output-on-failure -j"$jobs"

stage "concurrency test (thread sanitizer)"
bash "$root/scripts/tsan.sh"

stage "fuzzing: each harness over its corpus plus a fixed number of new runs"
bash "$root/scripts/fuzz.sh"

stage "demo runs"
"$root/build/release/evaluate_demo" --as-of 2025-04-30 >/dev/null
stage "done"
echo "all tests passed in $((SECONDS - started)) s"
