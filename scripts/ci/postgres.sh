#!/usr/bin/env bash
# Start the PostgreSQL server the tests marked `postgres` use.
#
#   bash scripts/ci/postgres.sh        # idempotent; fast when already running
#
# Installs the Debian `postgresql` package when no server binaries are found, creates
# a throw-away cluster in $FRONTLINES_PG_DATA (default /tmp/frontlines-pg-PORT),
# starts it on 127.0.0.1:$FRONTLINES_PG_PORT (default 54329) and creates the role
# and database `frontlines` (password `frontlines`, may create databases). The tests
# connect to
#
#   postgresql://frontlines:frontlines@127.0.0.1:54329/frontlines
#
# unless FRONTLINES_TEST_PG_URL names another server; the URL is also written to
# $FRONTLINES_PG_DATA/url. The cluster trades durability for speed (fsync off): it
# holds test data only. Stop it with: pg_ctl -D /tmp/frontlines-pg-54329/data stop
# (as the `postgres` user when started by root).
set -euo pipefail

PORT="${FRONTLINES_PG_PORT:-54329}"
BASE="${FRONTLINES_PG_DATA:-/tmp/frontlines-pg-$PORT}"
DATA="$BASE/data"
ROLE=frontlines
PASSWORD=frontlines
DATABASE=frontlines
URL="postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DATABASE"

log() { echo "postgres.sh: $*" >&2; }

find_bindir() {
  # The newest Debian server install; pg_config is not always there, initdb is.
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
    echo "$dir"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"
  fi
}

BINDIR=$(find_bindir)
if [ -z "$BINDIR" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "no PostgreSQL server installed and not root: apt-get install postgresql"
    exit 1
  fi
  log "installing the Debian postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # The package may set up its own cluster on 5432; ours below is separate from it.
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  BINDIR=$(find_bindir)
fi
[ -n "$BINDIR" ] || { log "PostgreSQL binaries not found after install"; exit 1; }

# The server refuses to run as root: run it as the `postgres` system user then.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
  RUN=(runuser -u postgres --)
  OWNER=postgres
else
  RUN=()
  OWNER=$(id -un)
fi

if "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  log "a server already answers on 127.0.0.1:$PORT"
else
  mkdir -p "$BASE"
  chown "$OWNER" "$BASE"
  chmod 700 "$BASE"
  if [ ! -s "$DATA/PG_VERSION" ]; then
    log "creating a cluster in $DATA"
    "${RUN[@]}" "$BINDIR/initdb" -D "$DATA" -U postgres --auth-local=trust \
      --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  log "starting on 127.0.0.1:$PORT"
  "${RUN[@]}" "$BINDIR/pg_ctl" -D "$DATA" -l "$BASE/server.log" -w -t 60 start -o \
    "-p $PORT -k $BASE -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || { tail -n 20 "$BASE/server.log" >&2; exit 1; }
fi

# Role and database, over the cluster's own socket (trusted) so no password is needed.
psql_admin() { "${RUN[@]}" "$BINDIR/psql" -h "$BASE" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ -S "$BASE/.s.PGSQL.$PORT" ]; then
  if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]; then
    psql_admin -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'"
  fi
  if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != 1 ]; then
    psql_admin -c "CREATE DATABASE $DATABASE OWNER $ROLE"
  fi
  echo "$URL" > "$BASE/url"
  chmod 644 "$BASE/url"
else
  log "the server on $PORT is not ours (no socket in $BASE); using it as it is"
fi

log "ready: FRONTLINES_TEST_PG_URL=$URL"
