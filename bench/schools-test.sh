#!/usr/bin/env bash
# `ectflow bench --schools K/N` in memory on the whole workload, for the test command:
#  1. shares 1/2 and 2/2 each pass their own state check, and together did the whole workload's
#     journeys, submissions and rejections (by error);
#  2. a difference planted in expected_state.json at a school of share 1 fails share 1, naming
#     it, and does not fail share 2, which does not hold that school;
#  3. --no-setup without a database is refused as a usage error.
#
#   bench/schools-test.sh ECTFLOW [WORKLOAD DIR (default ../shared/bench)]
set -euo pipefail

if (($# < 1)); then
  echo "usage: bench/schools-test.sh ECTFLOW [WORKLOAD DIR]" >&2
  exit 2
fi
ectflow="$1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bench="$(cd "${2:-../shared/bench}" && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/ectflow-schools-test.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP

fail() {
  echo "schools-test: FAILED: $*" >&2
  exit 1
}

run() {  # run NAME WORKLOAD-DIR MORE-OPTIONS...: the exit code in $tmp/NAME.rc, never fails
  local name="$1" dir="$2"
  shift 2
  set +e
  "$ectflow" bench --repeat 1 --bench "$dir" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
  echo $? >"$tmp/$name.rc"
  set -e
}

# 1. Both halves pass, and add up to the whole workload.
for k in 1 2; do
  run "half$k" "$bench" --schools "$k/2"
  [[ "$(cat "$tmp/half$k.rc")" == 0 ]] || fail "--schools $k/2 exited $(cat "$tmp/half$k.rc"): $(cat "$tmp/half$k.err")"
done
python3 - "$bench/expected_state.json" "$tmp/half1.out" "$tmp/half2.out" <<'EOF' || fail "the halves do not add up (above)"
import collections, json, sys
expected = json.load(open(sys.argv[1]))
halves = [json.loads(open(path).read().strip().splitlines()[-1]) for path in sys.argv[2:]]
problems = []
for k, half in enumerate(halves, 1):
    if half.get("schools") != f"{k}/2":
        problems.append(f"half {k} says schools {half.get('schools')!r}, not '{k}/2'")
    if not 0 < half["journeys"] < expected["journeys"]:
        problems.append(f"half {k} ran {half['journeys']} journeys")
for key in ["journeys", "submissions", "rejected"]:
    total = sum(h[key] for h in halves)
    if total != expected[key]:
        problems.append(f"{key}: the halves make {total}, the workload {expected[key]}")
codes = collections.Counter()
for half in halves:
    codes.update(half["rejections_by_error"])
if dict(codes) != expected["rejections_by_error"]:
    problems.append(f"rejections_by_error: the halves make {dict(codes)}, the workload {expected['rejections_by_error']}")
for problem in problems:
    print("schools-test:", problem, file=sys.stderr)
sys.exit(1 if problems else 0)
EOF

# 2. A planted difference at the first school by URN (share 1 of 2) is caught by share 1 only.
mkdir "$tmp/planted"
ln -s "$bench/fixtures.json" "$bench/journeys.jsonl" "$tmp/planted/"
python3 - "$bench/expected_state.json" "$tmp/planted/expected_state.json" <<'EOF'
import json, sys
state = json.load(open(sys.argv[1]))
first = min(state["schools"], key=lambda school: school["urn"])
first["ects"][0]["mentor_id"] = "M999"
json.dump(state, open(sys.argv[2], "w"))
EOF
run planted1 "$tmp/planted" --schools 1/2
[[ "$(cat "$tmp/planted1.rc")" == 1 ]] ||
  fail "share 1/2 against the planted difference exited $(cat "$tmp/planted1.rc"), not 1: $(cat "$tmp/planted1.err")"
grep -q 'ended in the wrong state: /schools/0/ects/0/mentor_id: got .*, expected "M999"' "$tmp/planted1.err" ||
  fail "share 1/2 did not name the planted difference: $(cat "$tmp/planted1.err")"
run planted2 "$tmp/planted" --schools 2/2
[[ "$(cat "$tmp/planted2.rc")" == 0 ]] ||
  fail "share 2/2 (without the planted school) exited $(cat "$tmp/planted2.rc"): $(cat "$tmp/planted2.err")"

# 3. Sharing a database needs one.
run nodb "$bench" --no-setup --schools 1/2
[[ "$(cat "$tmp/nodb.rc")" == 2 ]] || fail "--no-setup in memory exited $(cat "$tmp/nodb.rc"), not 2"

cat "$tmp/half1.out" "$tmp/half2.out"
echo "schools-test: the shares 1/2 and 2/2 pass and add up; a difference in share 1 fails share 1 only"
