#!/usr/bin/env bash
# Builds and installs the smart Python package into .venv: the C++ core compiled by
# scikit-build-core, incrementally in build/python. Sourced by scripts/demo.sh and
# scripts/test_python.sh after scripts/setup.sh; $1 names the extras (e.g. "pandas,arrow,test").
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
py="$root/.venv/bin/python"
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}"

# The build runs without build isolation so the build directory stays valid between runs
# (an isolated build would point CMake at a new temporary pybind11 every time): the build
# requirements go into .venv first.
stamp="$root/.venv/.python-build-requirements"
if [ ! -f "$stamp" ] || [ "$root/pyproject.toml" -nt "$stamp" ]; then
  echo "install_python: installing build requirements into .venv"
  "$py" -m pip install -q "scikit-build-core>=0.10" "pybind11>=3.0" ninja
  touch "$stamp"
fi
echo "== building and installing the smart package (build dir build/python)"
extras="${1:-}"
(cd "$root" && "$py" -m pip install -q --no-build-isolation -Cbuild-dir=build/python ".${extras:+[$extras]}")
