#!/usr/bin/env bash
# Rewrites tests/golden/cases/*.expected from the current checker; review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
cmake --build "$build" --target test_golden
ECTFLOW_UPDATE_GOLDEN=1 "$build/tests/test_golden" --gtest_filter=Golden.EveryCaseGivesItsExpectedReport
git --no-pager diff --stat -- tests/golden/cases
