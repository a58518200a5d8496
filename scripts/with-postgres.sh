#!/usr/bin/env bash
# Runs COMMAND... beside a throwaway PostgreSQL 15 on a free local port, with
# ECTFLOW_TEST_POSTGRES set to its URL; the server and its files are removed on exit, pass or fail.
# initdb refuses root, so the server runs as the `postgres` user (CI runs as root).
set -euo pipefail

if (($# == 0)); then
  echo "usage: scripts/with-postgres.sh COMMAND..." >&2
  exit 2
fi

bin=/usr/lib/postgresql/15/bin
if [[ ! -x "$bin/initdb" ]]; then
  echo "with-postgres: $bin/initdb not found; install the postgresql package (scripts/install-deps.sh)" >&2
  exit 1
fi

as_postgres=()
if ((EUID == 0)); then
  as_postgres=(runuser -u postgres --)
fi

dir="$(mktemp -d /tmp/ectflow-pg.XXXXXX)"
chmod 755 "$dir"
if ((EUID == 0)); then
  chown postgres: "$dir"
fi

stop() {
  local status=$?
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    "${as_postgres[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  exit "$status"
}
trap stop EXIT
trap 'exit 130' INT TERM

# A free port: ask the kernel for one, then let PostgreSQL take it.
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

"${as_postgres[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale \
  >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
# Tests need no durability, so fsync is off; ECTFLOW_POSTGRES_DEFAULTS=1 keeps PostgreSQL's default
# settings instead (bench/compare times PostgreSQL that way).
settings="-c fsync=off"
if [[ "${ECTFLOW_POSTGRES_DEFAULTS:-}" == 1 ]]; then
  settings=""
fi
"${as_postgres[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 $settings" start >/dev/null ||
  { cat "$dir/log" >&2; exit 1; }

export ECTFLOW_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL 15 at $ECTFLOW_TEST_POSTGRES${settings:+ ($settings)}" >&2
set +e
"$@"
status=$?
set -e
exit "$status"
