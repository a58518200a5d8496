#!/usr/bin/env bash
# Runs every test: installs dependencies, fetches the SARIF schema and GOV.UK Frontend, builds the
# release and the sanitizer trees, runs ctest in each beside a throwaway PostgreSQL
# (scripts/with-postgres.sh), and ends with one line totalling both, like ctest's own.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

scripts/install-deps.sh
scripts/fetch-sarif-schema.sh
scripts/fetch-govuk-frontend.sh
scripts/build.sh all

# Any sanitizer report aborts the process, so the test that ran it fails.
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1"

total=0
failed=0
for tree in release asan; do
  echo "== ctest in build/$tree"
  log="build/$tree/ctest.log"
  set +e
  scripts/with-postgres.sh ctest --test-dir "build/$tree" --output-on-failure --parallel 2 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  set -e
  # ctest's summary: "95% tests passed, 2 tests failed out of 40".
  summary="$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)"
  if [[ -z "$summary" ]]; then
    echo "build/$tree: ctest ran no tests (exit $status)" >&2
    failed=$((failed + 1))
    continue
  fi
  tree_failed="$(sed -E 's/.* ([0-9]+) tests? failed out of.*/\1/' <<<"$summary")"
  tree_total="$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$summary")"
  total=$((total + tree_total))
  failed=$((failed + tree_failed))
  if ((status != 0 && tree_failed == 0)); then
    failed=$((failed + 1))  # ctest failed without a failing test: count it so the run fails
  fi
done

passed=$((total > failed ? total - failed : 0))
percent=$((total > 0 ? passed * 100 / total : 0))
echo
echo "${percent}% tests passed, ${failed} tests failed out of ${total}"
((failed == 0 && total > 0))
