#!/usr/bin/env bash
# The edge cases the reference workload never holds (Unicode spaces in a TRN, impossible dates,
# answers of the wrong type, lengths in UTF-16 units), written by the hand-written peer's
# edge_cases.mjs, whose expected state ../shared/bench/gen/reference.mjs decides. Runs the
# hand-written program on them first (a sanity check: the peer passes), then `ectflow bench` in
# memory and on SQLite (--persist completions and service). Exits 1 naming the first that fails.
#
#   bench/edge-cases.sh [--ectflow BIN] [--shared DIR] [--baseline-cache DIR]
#
# --ectflow BIN          the ectflow to check (default build/release/ectflow)
# --shared DIR           where bench/ and peers/ are (default ../shared; only read: the peer and
#                        the data are copied to a temporary directory, which is removed)
# --baseline-cache DIR   keep the built hand-written program in DIR and reuse it while its
#                        sources and g++ are the same (the ctest does; a build takes ~20 s)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ectflow="$root/build/release/ectflow"
shared="$root/../shared"
cache=""
while (($#)); do
  case "$1" in
    --ectflow) ectflow="$2"; shift 2 ;;
    --shared) shared="$2"; shift 2 ;;
    --baseline-cache) cache="$2"; shift 2 ;;
    *)
      echo "usage: bench/edge-cases.sh [--ectflow BIN] [--shared DIR] [--baseline-cache DIR]" >&2
      exit 2
      ;;
  esac
done

say() { echo "edge-cases: $*" >&2; }
die() { say "$*"; exit 1; }

command -v node >/dev/null ||
  die "needs Node.js to write the cases (edge_cases.mjs): install nodejs (scripts/install-deps.sh does)"
command -v g++ >/dev/null ||
  die "needs g++, nlohmann-json3-dev and libsqlite3-dev to build the hand-written peer (scripts/install-deps.sh)"
peer_src="$shared/peers/handwritten-cpp"
[[ -f "$peer_src/edge_cases.mjs" && -f "$shared/bench/gen/reference.mjs" ]] ||
  die "no $peer_src/edge_cases.mjs or $shared/bench/gen/reference.mjs: is --shared ($shared) the shared directory?"
[[ -x "$ectflow" ]] || die "no ectflow binary at $ectflow: build it (scripts/build.sh release)"
"$ectflow" --help 2>/dev/null | grep -Eq '^[[:space:]]+bench\b' ||
  die "$ectflow has no \`bench\` command yet (\`ectflow --help\` does not list it): the edge cases need \`ectflow bench\`"
ectflow="$(cd "$(dirname "$ectflow")" && pwd)/$(basename "$ectflow")"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/ectflow-edge.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP

# The peer finds the data at ../../bench, so the copy keeps that layout. ../shared is read-only,
# and so would the copies be.
mkdir -p "$tmp/peers"
cp -R "$shared/bench" "$tmp/bench"
cp -R "$peer_src" "$tmp/peers/handwritten-cpp"
rm -rf "$tmp/peers/handwritten-cpp/build"
chmod -R u+w "$tmp"

edge="$tmp/edge"
node "$tmp/peers/handwritten-cpp/edge_cases.mjs" "$edge" >&2 || die "edge_cases.mjs failed"

# The hand-written program, from the cache when its sources and compiler have not changed.
baseline=""
if [[ -n "$cache" ]]; then
  stamp="$( (cd "$tmp/peers/handwritten-cpp" && cat build.sh baseline.cpp sqlite_store.cpp sqlite_store.hpp; g++ --version) |
    sha256sum | cut -d' ' -f1)"
  if [[ -x "$cache/cpp-baseline" && "$(cat "$cache/cpp-baseline.sha256" 2>/dev/null)" == "$stamp" ]]; then
    baseline="$cache/cpp-baseline"
  fi
fi
if [[ -z "$baseline" ]]; then
  sh "$tmp/peers/handwritten-cpp/build.sh" >&2 || die "building the hand-written peer failed"
  baseline="$tmp/peers/handwritten-cpp/build/cpp-baseline"
  if [[ -n "$cache" ]]; then
    mkdir -p "$cache"
    cp "$baseline" "$cache/cpp-baseline.new.$$" && mv -f "$cache/cpp-baseline.new.$$" "$cache/cpp-baseline"
    echo "$stamp" >"$cache/cpp-baseline.sha256"
  fi
fi

failed=()
check() {
  local name="$1"
  shift
  say "$name: $*"
  if "$@"; then
    say "$name: matches the expected state"
  else
    say "$name: FAILED (exit $?)"
    failed+=("$name")
  fi
}

cd "$root"
check "cpp-baseline, memory" "$baseline" --bench "$edge"
check "cpp-baseline, sqlite" "$baseline" --bench "$edge" --sqlite "$tmp/cpp-baseline.sqlite"
if ((${#failed[@]})); then
  die "the hand-written peer itself does not match edge_cases.mjs's expected state; fix the peer or the copy of ../shared before judging ectflow"
fi
check "ectflow, memory" "$ectflow" bench --bench "$edge" --repeat 1
check "ectflow, sqlite, --persist completions" "$ectflow" bench --bench "$edge" --repeat 1 \
  --store sqlite --db "$tmp/ectflow-completions.sqlite" --persist completions
check "ectflow, sqlite, --persist service" "$ectflow" bench --bench "$edge" --repeat 1 \
  --store sqlite --db "$tmp/ectflow-service.sqlite" --persist service

if ((${#failed[@]})); then
  die "$(printf '%s; ' "${failed[@]}")differ from the edge cases' expected state (see above)"
fi
say "all match the edge cases' expected state ($(($(wc -l <"$edge/journeys.jsonl"))) lines)"
