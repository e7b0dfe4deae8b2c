#!/usr/bin/env bash
# Every test of the C ABI (issue 3), on a release build that is already configured (with
# -DSMART_WERROR=ON) and built, e.g. by scripts/test.sh:
#
#   bash scripts/test_capi.sh build/release        (from the repository root)
#
# (The C test program tests/capi/test_capi.c — C99, -Wall -Wextra -Werror -pedantic — its
# run under valgrind memcheck and the exported-symbols check are CTest tests, capi.*.)
#  3. the installed package: consumers built with find_package(smart) and with pkg-config
#     and as a part of another project: the build tree as a package (export()),
#     add_subdirectory and FetchContent (tests/package/embed.sh)
#  4. the ABI against the recorded baseline capi/abi/smart_c.abi (abidiff; a separate
#     RelWithDebInfo build of smart_c in build/abi)
#  5. the benchmark bench_capi, briefly (10,000 participants), as a smoke test
# Installs the Debian packages it needs when they are missing. Exits non-zero on any failure.
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: bash scripts/test_capi.sh BUILD_DIR" >&2
  exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$(cd "$1" && pwd)"
jobs="${SMART_JOBS:-2}"

source "$root/scripts/setup.sh"  # abigail-tools, valgrind, pkg-config, ...
cmake --build "$build" -j"$jobs"
test -f "$build/capi/libsmart_c.so" || { echo "test_capi: no libsmart_c in $build (SMART_BUILD_CAPI off?)" >&2; exit 1; }
# The C test program, its valgrind run and the exported-symbols check are CTest tests
# (capi.*), run with the others by scripts/test.sh.

echo "== C ABI: installed package, consumers with find_package and pkg-config"
bash "$root/tests/package/run.sh" "$build"

echo "== C ABI: embedded in another project (build tree, add_subdirectory, FetchContent)"
bash "$root/tests/package/embed.sh" "$build"

echo "== C ABI: against the recorded ABI"
bash "$root/scripts/abi.sh" check

echo "== C ABI: benchmark (smoke run, 10,000 participants)"
if [ -x "$build/bench/bench_capi" ]; then "$build/bench/bench_capi" 10000; else echo "(skipped: bench_capi not built)"; fi

echo "test_capi: all C ABI tests passed"
