#!/usr/bin/env bash
# The README's main command: installs dependencies, builds the release tree, checks the service's
# flows, draws the "assign an ECT to a mentor" journey, then runs the seed's story in a terminal:
# the school's ECT list, a mentor's page, "Assign an ECT to this mentor", choose, check answers,
# confirm, and the school's ECT list again (examples/demo.txt holds what the person types).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

scripts/install-deps.sh
scripts/build.sh release

echo "\$ ectflow check flows/"
build/release/ectflow check flows/
echo
echo "\$ ectflow graph assign_ect_to_mentor --format mermaid"
build/release/ectflow graph assign_ect_to_mentor --format mermaid
echo
echo "\$ ectflow run --view school --world examples/world.json --as 100001 --today 2025-09-01 < examples/demo.txt"
build/release/ectflow run --view school --world examples/world.json --as 100001 --today 2025-09-01 \
  < examples/demo.txt
