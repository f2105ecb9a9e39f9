#!/usr/bin/env bash
# Installs what heaplab needs to build and test on Debian 12, then the web
# page's npm packages. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Debian package => the command that shows it is there without dpkg (node and
# npm may come from elsewhere, e.g. NodeSource's nodejs, which carries npm).
declare -A command_of=([nodejs]=node [npm]=npm)
packages=(cmake g++ make clang libclang-rt-dev emscripten catch2 chromium libbenchmark-dev nodejs npm)

is_installed() {
  local package=$1
  if [[ -n ${command_of[$package]:-} ]] && command -v "${command_of[$package]}" >/dev/null; then
    return 0
  fi
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed'
}

missing=()
for package in "${packages[@]}"; do
  is_installed "$package" || missing+=("$package")
done

if ((${#missing[@]} > 0)); then
  as_root=()
  if ((EUID != 0)); then
    if ! command -v sudo >/dev/null; then
      echo "setup: missing ${missing[*]}, and neither root nor sudo to install them" >&2
      exit 1
    fi
    as_root=(sudo)
  fi
  echo "setup: installing ${missing[*]}"
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: system packages present"
fi

# npm writes node_modules/.package-lock.json on every install: older than the
# lock file means the lock changed since.
if [[ -f package-lock.json ]]; then
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "setup: npm ci"
    npm ci --no-audit --no-fund
  else
    echo "setup: node_modules up to date"
  fi
fi
