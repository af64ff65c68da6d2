#!/bin/bash
# Creates the product's login and database next to Temporal's (run once, on an empty data volume,
# by the postgres image's entrypoint). Names and password come from the postgresql service's
# environment in docker-compose.yml: APP_DB_USER, APP_DB_PASSWORD, APP_DB_NAME.
set -euo pipefail

: "${APP_DB_USER:?APP_DB_USER must be set}"
: "${APP_DB_PASSWORD:?APP_DB_PASSWORD must be set}"
: "${APP_DB_NAME:?APP_DB_NAME must be set}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_user="$APP_DB_USER" -v app_password="$APP_DB_PASSWORD" -v app_db="$APP_DB_NAME" <<'EOSQL'
CREATE ROLE :"app_user" WITH LOGIN PASSWORD :'app_password';
CREATE DATABASE :"app_db" OWNER :"app_user";
REVOKE ALL ON DATABASE :"app_db" FROM PUBLIC;
EOSQL

echo "Created database ${APP_DB_NAME} owned by ${APP_DB_USER}."
