#!/usr/bin/env bash
# The recorded ABI of libsmart_c (capi/abi/smart_c.abi), made and checked with libabigail.
#
#   bash scripts/abi.sh check    compare a fresh build against the recorded ABI
#   bash scripts/abi.sh record   record the ABI of a fresh build (a deliberate step:
#                                capi/abi/README.md says when)
#
# Both build smart_c alone, with debug information (RelWithDebInfo), in build/abi (or
# $SMART_ABI_BUILD), since abidw and abidiff read the types from DWARF. Run from anywhere;
# needs abigail-tools (scripts/test_capi.sh installs it).
#
# check fails on an incompatible change (abidiff's ABIDIFF_ABI_INCOMPATIBLE_CHANGE bit, 8),
# on any removed or changed function, variable or type it reaches (reported with bit 4,
# ABIDIFF_ABI_CHANGE, which needs a human to judge: here it fails, and a human decides),
# and on any error of abidiff itself (bits 1 and 2). Additions alone (bit 4, nothing
# removed or changed) pass — new functions, new enumerators at the end, and members
# appended at the end of a versioned struct the caller fills (capi/abi/versioned_structs.abignore) — with the report printed and a reminder to record the new
# baseline when the addition is released.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-check}"
build="${SMART_ABI_BUILD:-$root/build/abi}"
baseline="$root/capi/abi/smart_c.abi"
jobs="${SMART_JOBS:-2}"

case "$mode" in
  check|record) ;;
  *) echo "usage: bash scripts/abi.sh check|record" >&2; exit 2 ;;
esac

echo "-- abi: building smart_c with debug information in ${build#$root/}"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSMART_WERROR=ON -DSMART_BUILD_CAPI=ON \
      -DSMART_BUILD_TESTS=OFF -DSMART_BUILD_BENCH=OFF -DSMART_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build" -j"$jobs" --target smart_c >/dev/null
lib="$(readlink -f "$build/capi/libsmart_c.so")"

# Only the exported interfaces and the types they reach (the handles stay opaque: their
# structs are never defined, capi/src/capi.hpp), nothing that depends on where or on which
# machine the library was built.
abidw_options=(--no-corpus-path --no-comp-dir-path --no-show-locs --no-elf-needed --type-id-style hash
               --exported-interfaces-only)

if [ "$mode" = record ]; then
  tmp="$(mktemp)"
  abidw "${abidw_options[@]}" --out-file "$tmp" "$lib"
  # translation units are named by path: keep them relative to the repository
  sed "s|path='$root/|path='|g" "$tmp" > "$baseline"
  rm -f "$tmp"
  echo "-- abi: recorded $(grep -c '<elf-symbol ' "$baseline") symbols in ${baseline#$root/}"
  exit 0
fi

[ -f "$baseline" ] || { echo "abi: no baseline ${baseline#$root/}: run 'bash scripts/abi.sh record'" >&2; exit 1; }
report="$build/abidiff-report.txt"
set +e
abidiff --no-show-locs --exported-interfaces-only --suppressions "$root/capi/abi/versioned_structs.abignore" \
        "$baseline" "$lib" > "$report" 2>&1
status=$?
set -e
if [ $((status & 3)) -ne 0 ]; then
  cat "$report"
  echo "abi: abidiff failed (exit status $status)" >&2
  exit 1
fi
# abidiff sets bit 8 for changes it knows to be incompatible (a symbol removed) but only
# bit 4 for changes that need a human to judge (a type or signature changed). The policy
# here: anything removed or changed fails; additions alone pass.
removed_or_changed="$({ grep -E 'changes summary:' "$report" || true; } |
  sed -nE 's/.*: ([0-9]+) Removed(, ([0-9]+) Changed)?.*/\1 \3/p' | awk '{s += $1 + $2} END {print s + 0}')"
if [ $((status & 8)) -ne 0 ] || { [ $((status & 4)) -ne 0 ] && [ "$removed_or_changed" -ne 0 ]; }; then
  cat "$report"
  echo "abi: INCOMPATIBLE or changed interface against ${baseline#$root/} (abidiff exit status $status;" \
       "see capi/abi/README.md)" >&2
  exit 1
fi
if [ $((status & 4)) -ne 0 ]; then
  cat "$report"
  echo "-- abi: additions only (compatible); record the baseline when they are released:"
  echo "--      bash scripts/abi.sh record"
  exit 0
fi
echo "-- abi: libsmart_c matches the recorded ABI ($(grep -c '<elf-symbol ' "$baseline") symbols)"
