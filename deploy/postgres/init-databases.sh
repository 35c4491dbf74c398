#!/bin/sh
# Runs once, when the postgres volume is first initialised: one database per service, all owned
# by the application user. Each service creates its own tables with Flyway at start-up.
set -eu
for db in registry supply logistics finance gateway; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
SELECT 'CREATE DATABASE $db OWNER $POSTGRES_USER' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')\gexec
SQL
done
