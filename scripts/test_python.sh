#!/usr/bin/env bash
# Builds and installs the Python package into .venv, then runs the Python tests: pytest
# over tests/python, which also runs mypy --strict over the package and executes the
# example notebook. Run from anywhere; exits non-zero when anything fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
source "$root/scripts/install_python.sh" "pandas,arrow,test"
echo "== pytest tests/python"
cd "$root"
exec "$root/.venv/bin/python" -m pytest tests/python "$@"
