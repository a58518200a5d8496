#!/usr/bin/env bash
# The README's main command: installs dependencies, builds the release tree, checks the service's
# flows, draws the "assign an ECT to a mentor" journey, then runs the seed's story in a terminal on
# a SQLite database (ectflow.db in the project folder, the embedded default):
# - first run: the database is set up (migrations) and the example world imported; then the
#   school's ECT list, a mentor's page, "Assign an ECT to this mentor", choose, check answers,
#   confirm, and the school's ECT list again (examples/demo.txt holds what the person types);
# - later runs: the state the first run left, read back from the database.
# Delete ectflow.db to start again.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

scripts/install-deps.sh
scripts/build.sh release

ectflow=build/release/ectflow
db=ectflow.db

show() {  # prints a command, then runs it
  echo "\$ $*"
  "$@"
}

show $ectflow check flows/
echo
show $ectflow graph assign_ect_to_mentor --format mermaid
echo
if [[ ! -f $db ]]; then
  show $ectflow import world examples/world.json --db $db
  echo
  echo "\$ $ectflow run --view school --db $db --as 100001 --today 2025-09-01 < examples/demo.txt"
  $ectflow run --view school --db $db --as 100001 --today 2025-09-01 < examples/demo.txt
  echo
  echo "Saved in $db. Run scripts/demo.sh again to see the state this run left there."
else
  echo "# $db already holds what an earlier run saved: the school's page, read back from it"
  echo "\$ echo :quit | $ectflow run --view school --db $db --as 100001 --today 2025-09-01"
  echo :quit | $ectflow run --view school --db $db --as 100001 --today 2025-09-01
  echo
  show $ectflow report unassigned-mentors --db $db --today 2025-09-01
  echo
  show $ectflow db status --db $db
  echo
  echo "Delete $db to run the story from the start."
fi
