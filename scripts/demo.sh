#!/usr/bin/env bash
# The README's main command: installs dependencies, builds the release tree, then checks the
# service's flows and draws the "assign an ECT to a mentor" journey as a Mermaid diagram.
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
