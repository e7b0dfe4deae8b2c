#!/usr/bin/env bash
# smart as a part of another project (issue 11, "Embeddable CMake"):
#  1. the build tree as a package: the consumers of the installed package's test, configured
#     with smart_DIR pointing at BUILD_DIR (export() of both targets);
#  2. add_subdirectory and 3. FetchContent from this source tree, in a parent project with no
#     build type of its own: smart must not set it, must add no tests, examples or benchmarks,
#     and the parent's install must hold only the parent's files (no smart headers or
#     libraries). The consumers are built and run each time.
# The two embedded builds share a ccache (when installed), so the core is compiled once.
#   bash tests/package/embed.sh BUILD_DIR
set -euo pipefail
build="$(cd "$1" && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jobs="${SMART_JOBS:-2}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_DIR="$work/ccache" CCACHE_BASEDIR="$work" CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

echo "-- embed: the build tree as a package (smart_DIR=$build)"
cmake -S "$here" -B "$work/from-build-tree" -Dsmart_DIR="$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/from-build-tree" -j"$jobs" >/dev/null
"$work/from-build-tree/consumer_c"
"$work/from-build-tree/consumer_cpp"

for how in subdirectory fetchcontent; do
  echo "-- embed: $how"
  cmake -S "$here/embed" -B "$work/$how" -DSMART_SOURCE="$root" -DSMART_EMBED="$how" "${launcher[@]}" >/dev/null
  cmake --build "$work/$how" -j"$jobs" >/dev/null
  "$work/$how/embed_c"
  "$work/$how/embed_cpp"
  cmake --install "$work/$how" --prefix "$work/$how-prefix" >/dev/null
  extra="$(cd "$work/$how-prefix" && find . -type f | grep -v -x -e ./bin/embed_c -e ./bin/embed_cpp || true)"
  if [ -n "$extra" ]; then
    echo "embed: installing the parent ($how) also installed smart's files:" >&2
    echo "$extra" >&2
    exit 1
  fi
done
echo "-- embed: the build tree, add_subdirectory and FetchContent consumers built and ran"
