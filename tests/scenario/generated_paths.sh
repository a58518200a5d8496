#!/usr/bin/env bash
# Generates scenarios for every journey in flows/ (`ectflow paths`, on examples/world.json) and
# replays them all on SQLite: each must pass exactly as written.
# Usage: tests/scenario/generated_paths.sh ECTFLOW_BINARY   (from the project folder)
set -euo pipefail
ectflow="$1"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
journeys=$(grep -ho '^journey [a-z_]*' flows/*.flow | cut -d' ' -f2)
for journey in $journeys; do
  "$ectflow" paths "$journey" --out "$out/$journey" > "$out/$journey.log"
  echo "$journey: $(grep -c '^wrote' "$out/$journey.log") scenarios"
done
"$ectflow" replay "$out"
