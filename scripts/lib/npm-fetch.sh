# fetch_from_npm PACKAGE TARBALL SHA256 MEMBER TARGET: puts MEMBER (a file or folder inside the
# npm package's tarball) at TARGET, the tarball kept in .cache/ and checked against SHA256.
# Sourced by the fetch-*.sh scripts; `root` is the project folder.
fetch_from_npm() {
  local package="$1" tarball="$2" sha256="$3" member="$4" target="$5"
  mkdir -p "$root/.cache"
  if [[ ! -s "$root/.cache/$tarball" ]]; then
    npm pack --silent --pack-destination "$root/.cache" "$package" >/dev/null
  fi
  echo "$sha256  $root/.cache/$tarball" | sha256sum --check --quiet
  local scratch
  scratch="$(mktemp -d)"
  tar -xzf "$root/.cache/$tarball" -C "$scratch" "$member"
  rm -rf "$target"
  mkdir -p "$(dirname "$target")"
  mv "$scratch/$member" "$target"
  rm -rf "$scratch"
}
