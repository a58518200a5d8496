#!/usr/bin/env bash
# Fetches the official SARIF 2.1.0 JSON schema (shipped in an npm package) into .cache/, so the
# SARIF test can validate `ectflow check --format sarif` output. Does nothing when already there.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
schema="$root/.cache/sarif-schema-2.1.0.json"
if [[ -s "$schema" ]]; then
  exit 0
fi
source "$root/scripts/lib/npm-fetch.sh"
fetch_from_npm @microsoft/jest-sarif@1.0.0-beta.0 microsoft-jest-sarif-1.0.0-beta.0.tgz \
  748e2c3d1a842e7bb258416685c7ea3a0da40005b72267b2052c2856d48ad102 \
  package/lib/schemas/sarif-2.1.0-rtm.5.json "$schema"
echo "fetched the SARIF 2.1.0 schema into ${schema#"$root"/}"
