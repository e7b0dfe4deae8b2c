#!/usr/bin/env bash
# Installs what the project needs on a Debian 12 machine, only what is missing:
# Debian packages with apt-get, Python packages into the virtual environment .venv.
# Sourced by scripts/demo.sh and scripts/test.sh; safe to run again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

debian_packages=(g++ gcc make pkg-config binutils libboost-date-time-dev nlohmann-json3-dev catch2 libbenchmark-dev
                 libsodium-dev libssl-dev zlib1g-dev libqrencode-dev libzip-dev libpugixml-dev valgrind abigail-tools fonts-dejavu-core poppler-utils clang libclang-rt-14-dev
                 fonts-noto-core fonts-noto-cjk fonts-symbola
                 libnss3-tools chromium libreoffice-calc-nogui)
command -v cmake >/dev/null 2>&1 || debian_packages+=(cmake)
missing=()
for p in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python="${PYTHON:-python3}"
venv="$root/.venv"
if [ ! -x "$venv/bin/python" ]; then
  echo "setup: creating the virtual environment .venv"
  "$python" -m venv "$venv" || {
    # Debian's python3 needs python3-venv for `-m venv`
    ${sudo_cmd:-} apt-get install -y -qq python3-venv >/dev/null
    "$python" -m venv "$venv"
  }
fi
stamp="$venv/.requirements-installed"
if [ ! -f "$stamp" ] || [ "$root/scripts/requirements-dev.txt" -nt "$stamp" ]; then
  echo "setup: installing Python packages into .venv"
  "$venv/bin/python" -m pip install -q --upgrade pip
  "$venv/bin/python" -m pip install -q -r "$root/scripts/requirements-dev.txt"
  touch "$stamp"
fi
