#!/usr/bin/env bash
# Makes a local PostgreSQL ready for the database tests (CI on Debian 12, run as root).
# Safe to run again: every step checks before it acts. Progress goes to stderr;
# the last line on stdout is the URL to export as TEST_DATABASE_URL.
set -euo pipefail

readonly PORT=5432
readonly ROLE=support
readonly PASSWORD=support
readonly DATABASE=support_test
readonly URL="postgres://${ROLE}:${PASSWORD}@127.0.0.1:${PORT}/${DATABASE}"

log() { echo "postgres-for-tests: $*" >&2; }

as_postgres() {
  # From / so that psql does not warn about a working directory the postgres user cannot read.
  (cd / && runuser -u postgres -- "$@")
}

admin_sql() {
  as_postgres psql -X -q -t -A -v ON_ERROR_STOP=1 -p "$PORT" -d postgres -c "$1"
}

if [ "$(id -u)" != 0 ]; then
  log "run this as root: it installs packages and acts as the postgres user"
  exit 1
fi

if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; then
  log "installing postgresql with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"

if ! pg_lsclusters --no-header | awk -v v="$version" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
  log "creating cluster $version/main on port $PORT"
  pg_createcluster --port "$PORT" "$version" main >&2
fi

cluster_port="$(pg_lsclusters --no-header | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')"
if [ "$cluster_port" != "$PORT" ]; then
  log "cluster $version/main is configured for port $cluster_port, but the tests expect $PORT"
  exit 1
fi

if ! pg_lsclusters --no-header | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online" { found = 1 } END { exit !found }'; then
  log "starting cluster $version/main"
  pg_ctlcluster "$version" main start >&2
fi

for _ in $(seq 1 60); do
  if as_postgres pg_isready -q -p "$PORT"; then break; fi
  sleep 0.5
done
as_postgres pg_isready -q -p "$PORT" || { log "PostgreSQL did not start; see /var/log/postgresql/"; exit 1; }

if [ "$(admin_sql "SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}'")" != "1" ]; then
  log "creating role $ROLE"
  admin_sql "CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}'" >&2
fi

if [ "$(admin_sql "SELECT 1 FROM pg_database WHERE datname = '${DATABASE}'")" != "1" ]; then
  log "creating database $DATABASE"
  as_postgres createdb -p "$PORT" -O "$ROLE" "$DATABASE" >&2
fi

# Wait for password logins over TCP, which is how the tests connect.
for _ in $(seq 1 60); do
  if PGPASSWORD="$PASSWORD" psql -X -q -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DATABASE" -c 'SELECT 1' >/dev/null 2>&1; then
    log "ready"
    echo "$URL"
    exit 0
  fi
  sleep 0.5
done
log "PostgreSQL does not accept logins for $ROLE at 127.0.0.1:$PORT; check pg_hba.conf"
exit 1
