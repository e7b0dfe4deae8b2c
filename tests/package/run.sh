#!/usr/bin/env bash
# Installs a built tree into a temporary prefix and builds outside programs against it:
# the C consumer with CMake's find_package(smart) and with pkg-config, the C++ consumer of
# the static core with find_package. Runs each.
#   bash tests/package/run.sh BUILD_DIR
set -euo pipefail
build="$(cd "$1" && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"

echo "-- package: installing $build into a temporary prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
libdir="$(dirname "$(find "$prefix" -name 'libsmart_c.so' | head -1)")"
test -f "$prefix/include/smart/smart.h"
test -f "$prefix/include/smart/issuing.h"
for h in common types programme cohort evaluation statistics; do test -f "$prefix/include/smart/$h.h"; done
test -f "$prefix/include/smart/version.h"
test -f "$prefix/include/smart/smart.hpp"
test -f "$prefix/include/smart/detail/box.hpp"
test -f "$libdir/libsmart.a"
test -f "$libdir/cmake/smart/smartConfig.cmake"
test -f "$libdir/cmake/smart/smartConfigVersion.cmake"
test -f "$libdir/pkgconfig/smart_c.pc"
test -f "$libdir/pkgconfig/smart.pc"

echo "-- package: find_package(smart) (CMake)"
cmake -S "$here" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/cmake-build" >/dev/null
LD_LIBRARY_PATH="$libdir" "$work/cmake-build/consumer_c"
"$work/cmake-build/consumer_cpp"

echo "-- package: pkg-config smart_c"
export PKG_CONFIG_PATH="$libdir/pkgconfig"
cc -std=c99 -Wall -Wextra -Werror -pedantic "$here/consumer.c" -o "$work/consumer_pc" \
   $(pkg-config --cflags --libs smart_c)
LD_LIBRARY_PATH="$libdir" "$work/consumer_pc"

echo "-- package: pkg-config smart (the static C++ core)"
c++ -std=c++20 "$here/consumer.cpp" -o "$work/consumer_cpp_pc" $(pkg-config --cflags --libs smart)
"$work/consumer_cpp_pc"
echo "-- package: the SONAME of libsmart_c is libsmart_c.so.$(pkg-config --modversion smart_c >/dev/null && \
  readelf -d "$libdir/libsmart_c.so" | sed -n 's/.*SONAME.*libsmart_c\.so\.\([0-9]*\).*/\1/p')"
echo "-- package: all consumers built and ran"
