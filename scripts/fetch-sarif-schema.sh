#!/usr/bin/env bash
# Fetches the official SARIF 2.1.0 JSON schema (shipped in an npm package) into .cache/, so the
# SARIF test can validate `ectflow check --format sarif` output. Does nothing when already there.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
package="@microsoft/jest-sarif@1.0.0-beta.0"
tarball="microsoft-jest-sarif-1.0.0-beta.0.tgz"
member="package/lib/schemas/sarif-2.1.0-rtm.5.json"
schema="$root/.cache/sarif-schema-2.1.0.json"
sha256="2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8"

if [[ -s "$schema" ]]; then
  exit 0
fi

mkdir -p "$root/.cache"
if [[ ! -s "$root/.cache/$tarball" ]]; then
  npm pack --silent --pack-destination "$root/.cache" "$package" >/dev/null
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
tar -xzf "$root/.cache/$tarball" -C "$scratch" "$member"
echo "$sha256  $scratch/$member" | sha256sum --check --quiet
mv "$scratch/$member" "$schema"
echo "fetched the SARIF 2.1.0 schema into ${schema#"$root"/}"
