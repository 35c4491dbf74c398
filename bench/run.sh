#!/usr/bin/env bash
# Runs the benchmarks of docs/benchmarks.md on this machine and prints the figures.
#   bench/run.sh                       20 s per phase, 16 clients, events at 200/s
#   bench/run.sh -Dbench.seconds=60    longer phases
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pgbench >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-client
fi
./mvnw -B -q install -DskipTests
exec java "$@" -Djava.util.logging.config.file=launcher/target/classes/logging.properties \
  -jar bench/target/fugong-bench.jar
