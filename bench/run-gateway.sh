#!/usr/bin/env bash
# The gateway benchmark of docs/benchmarks.md: one GET direct, through the gateway and through nginx.
#   bench/run-gateway.sh                      15 s per phase, 16 clients
#   bench/run-gateway.sh -Dbench.seconds=30   longer phases
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v nginx >/dev/null 2>&1 || ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light wrk
fi
./mvnw -B -q install -DskipTests
exec java "$@" -Djava.util.logging.config.file=launcher/target/classes/logging.properties \
  -cp "bench/target/fugong-bench.jar:bench/target/lib/*" org.fugong.bench.GatewayBenchmark
