#!/usr/bin/env bash
# Installs what building and testing ectflow needs on Debian 12, as root. Skips apt entirely when
# everything is already installed, so reruns are fast.
set -euo pipefail

packages=(
  cmake g++ clang-14 libclang-rt-14-dev ninja-build ccache git ca-certificates
  tao-pegtl-dev liblua5.4-dev pkg-config libcli11-dev libfmt-dev nlohmann-json3-dev libgtest-dev
  libgmock-dev graphviz nodejs npm python3 python3-jsonschema
  libsoci-dev libsoci-sqlite3-4.0 libsoci-postgresql4.0 libboost-dev libsqlite3-dev libpq-dev postgresql
  libyaml-cpp-dev
)

installed() {
  # NodeSource's nodejs bundles npm and conflicts with Debian's npm package.
  if [[ "$1" == npm ]] && command -v npm >/dev/null; then
    return 0
  fi
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == installed ]]
}

missing=()
for package in "${packages[@]}"; do
  installed "$package" || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
sudo=()
if ((EUID != 0)); then
  sudo=(sudo)
fi
"${sudo[@]}" apt-get update
"${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
