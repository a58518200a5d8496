#!/usr/bin/env bash
# Fetches GOV.UK Frontend (its npm package) into .cache/, so scenario transcripts can inline its
# CSS and look like the service's pages. Does nothing when already there.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$root/.cache/govuk-frontend/dist/govuk"
if [[ -s "$target/govuk-frontend.min.css" ]]; then
  exit 0
fi
source "$root/scripts/lib/npm-fetch.sh"
fetch_from_npm govuk-frontend@6.6.0 govuk-frontend-6.6.0.tgz \
  52c4eb554e54d8a6e4ba801e9da5ec3a5b930fd2f117a39677f0b6296e954751 package/dist/govuk "$target"
echo "fetched GOV.UK Frontend 6.6.0 into ${target#"$root"/}"
