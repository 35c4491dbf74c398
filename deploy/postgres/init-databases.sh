#!/bin/sh
# Runs once, when the postgres volume is first initialised (docker-entrypoint-initdb.d), as the
# superuser: for each service a role of its own, and a database only that role may use
# (service-database.sql). No service connects as the superuser. Each role's password comes from
# FUGONG_<SERVICE>_DB_PASSWORD, or from the file FUGONG_<SERVICE>_DB_PASSWORD_FILE names (a Docker
# secret). Each service creates its own tables with Flyway at start-up.
set -eu
sql="${FUGONG_POSTGRES_SERVICE_SQL:-/opt/fugong/postgres/service-database.sql}"
for service in registry supply logistics finance gateway; do
  variable="FUGONG_$(echo "$service" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  eval "password=\${$variable:-}"
  eval "file=\${${variable}_FILE:-}"
  if [ -n "$file" ]; then
    password="$(cat "$file")"
  fi
  if [ -z "$password" ]; then
    echo "init-databases.sh: set $variable or ${variable}_FILE" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v service="$service" -v password="$password" -f "$sql"
done
