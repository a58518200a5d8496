#!/usr/bin/env bash
# Configures and builds the two trees the tests run in: build/release (g++, Release) and
# build/asan (clang++-14 with AddressSanitizer and UndefinedBehaviorSanitizer, Debug).
# Usage: scripts/build.sh [release|asan|all]   (default: all)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export CCACHE_DIR="${CCACHE_DIR:-$root/.cache/ccache}"
jobs="${ECTFLOW_BUILD_JOBS:-2}"  # the machines have 2 cores

build_tree() {
  local dir="$1"
  shift
  cmake -S . -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER_LAUNCHER=ccache "$@"
  cmake --build "$dir" --parallel "$jobs"
}

build_release() {
  build_tree build/release -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Release
}

build_asan() {
  build_tree build/asan -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Debug \
    -DECTFLOW_SANITIZE=ON
}

case "${1:-all}" in
  release) build_release ;;
  asan) build_asan ;;
  all) build_release && build_asan ;;
  *)
    echo "usage: scripts/build.sh [release|asan|all]" >&2
    exit 2
    ;;
esac
