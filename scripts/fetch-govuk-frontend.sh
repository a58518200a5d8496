#!/usr/bin/env bash
# Fetches GOV.UK Frontend (its npm package) into .cache/, so scenario transcripts can inline its
# CSS and look like the service's pages. Does nothing when already there.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
package="govuk-frontend@6.6.0"
tarball="govuk-frontend-6.6.0.tgz"
member="package/dist/govuk"
target="$root/.cache/govuk-frontend/dist/govuk"
sha256="52c4eb554e54d8a6e4ba801e9da5ec3a5b930fd2f117a39677f0b6296e954751"

if [[ -s "$target/govuk-frontend.min.css" ]]; then
  exit 0
fi

mkdir -p "$root/.cache"
if [[ ! -s "$root/.cache/$tarball" ]]; then
  npm pack --silent --pack-destination "$root/.cache" "$package" >/dev/null
fi
echo "$sha256  $root/.cache/$tarball" | sha256sum --check --quiet

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
tar -xzf "$root/.cache/$tarball" -C "$scratch" "$member"
rm -rf "$target"
mkdir -p "$(dirname "$target")"
mv "$scratch/$member" "$target"
echo "fetched GOV.UK Frontend 6.6.0 into ${target#"$root"/}"
