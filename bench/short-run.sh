#!/usr/bin/env bash
# A short run of the reference workload for the test command: `ectflow bench --repeat 1`, in memory
# or on a temporary SQLite file, which checks the final state against expected_state.json (exit 1
# naming the first difference). Timings are printed, never asserted.
#
#   bench/short-run.sh ECTFLOW memory|sqlite [MORE BENCH OPTIONS...]
set -euo pipefail

if (($# < 2)) || [[ "$2" != memory && "$2" != sqlite ]]; then
  echo "usage: bench/short-run.sh ECTFLOW memory|sqlite [MORE BENCH OPTIONS...]" >&2
  exit 2
fi
ectflow="$1"
store="$2"
shift 2
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

"$ectflow" --help 2>/dev/null | grep -Eq '^[[:space:]]+bench\b' || {
  echo "short-run: $ectflow has no \`bench\` command yet (\`ectflow --help\` does not list it)" >&2
  exit 1
}

if [[ "$store" == memory ]]; then
  exec "$ectflow" bench --repeat 1 "$@"
fi
tmp="$(mktemp -d "${TMPDIR:-/tmp}/ectflow-short-run.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP
"$ectflow" bench --repeat 1 --store sqlite --db "$tmp/bench.sqlite" "$@"
