#!/usr/bin/env bash
# The main job on the built-in demo data: sets everything up, builds and installs the
# smart package, and evaluates the fictional demo cohort (SMART trenerutdanning
# 2024/2025, 36 people) with the `smart` command. Extra arguments go to
# `smart evaluate`, e.g. --as-of 2025-01-20 --lang en, or a cohort file.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
source "$root/scripts/install_python.sh" "pandas"
exec "$root/.venv/bin/smart" evaluate "$@"
