#!/usr/bin/env bash
# `ectflow bench --store postgresql`, cut down so the test command can afford it (a share of one
# school runs in about 20 s; the whole workload takes minutes), on the server whose URL is in
# ECTFLOW_TEST_POSTGRES (scripts/with-postgres.sh), each part in a schema of its own:
#
#   bench/postgres-test.sh ECTFLOW shared   --setup-only once, then two processes started together
#                                           with --no-setup on shares 1/20 and 2/20 (one with
#                                           --persist completions, one with service), each checking
#                                           its own schools; then a third --no-setup on the used
#                                           database is refused
#   bench/postgres-test.sh ECTFLOW repeat   --repeat 2 on share 3/20: the second repeat starts again
#                                           from the fixtures in the same schema
#
# bench/README.md gives the commands for the whole workload (bench/compare --postgres).
set -euo pipefail

if (($# != 2)) || [[ "$2" != shared && "$2" != repeat ]]; then
  echo "usage: bench/postgres-test.sh ECTFLOW shared|repeat" >&2
  exit 2
fi
ectflow="$1"
part="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [[ -z "${ECTFLOW_TEST_POSTGRES:-}" ]]; then
  echo "postgres-test: ECTFLOW_TEST_POSTGRES is not set: run the tests under scripts/with-postgres.sh" >&2
  exit 1
fi
# with-postgres.sh's URL names a database and no schema: one schema per part and run.
url="$ECTFLOW_TEST_POSTGRES?schema=bench_${part}_$$"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/ectflow-postgres-test.XXXXXX")"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

fail() {
  echo "postgres-test: FAILED: $*" >&2
  exit 1
}

bench=(bench --store postgresql --db "$url")

if [[ "$part" == repeat ]]; then
  "$ectflow" "${bench[@]}" --schools 3/20 --repeat 2 || fail "--repeat 2 on share 3/20 (above)"
  echo "postgres-test: two repeats of share 3/20 in one schema, each from the fixtures"
  exit 0
fi

"$ectflow" "${bench[@]}" --setup-only || fail "--setup-only (above)"
"$ectflow" "${bench[@]}" --no-setup --schools 1/20 --persist completions >"$tmp/1.out" 2>"$tmp/1.err" &
pids+=($!)
"$ectflow" "${bench[@]}" --no-setup --schools 2/20 --persist service >"$tmp/2.out" 2>"$tmp/2.err" &
pids+=($!)
for k in 1 2; do
  set +e
  wait "${pids[$((k - 1))]}"
  status=$?
  set -e
  cat "$tmp/$k.out"
  # Serialization failures retried inside the store leave PostgreSQL warnings here; only a
  # failing process's messages matter.
  ((status == 0)) || fail "share $k/20 exited $status: $(cat "$tmp/$k.err")"
  grep -q "\"schools\":\"$k/20\"" "$tmp/$k.out" || fail "share $k/20 did not say which share it ran"
done
pids=()

set +e
"$ectflow" "${bench[@]}" --no-setup --schools 1/20 >"$tmp/again.out" 2>"$tmp/again.err"
status=$?
set -e
((status != 0)) || fail "a second --no-setup run on the used database passed"
grep -q "a run has used the database" "$tmp/again.err" ||
  fail "the second --no-setup run did not say the database was used: $(cat "$tmp/again.err")"
echo "postgres-test: set up once, shares 1/20 and 2/20 together passed; a used database is refused"
