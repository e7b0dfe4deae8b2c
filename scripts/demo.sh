#!/usr/bin/env bash
# The main job on the built-in demo data: sets everything up, builds the library and
# evaluates the fictional demo cohort (SMART trenerutdanning 2024/2025, 36 people).
# Extra arguments go to the program, e.g. --as-of 2025-01-20 --lang en.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
cmake -S "$root" -B "$root/build/release" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$root/build/release" -j2 --target evaluate_demo
exec "$root/build/release/evaluate_demo" "$@"
