#!/usr/bin/env bash
# The gateway benchmark of docs/benchmarks.md: one GET direct, through the gateway and through nginx.
#   bench/run-gateway.sh                      warm-up until settled (at most 300 s per way), 3 rounds of 15 s phases
#   bench/run-gateway.sh -Dbench.seconds=30 -Dbench.rounds=5 -Dbench.warmup=600   longer, more rounds
#   ... -Dbench.proxy-cpus=1        the proxies on CPU 1 alone, everything else on the other CPUs (taskset)
#   ... -Dbench.service=static      nginx serving the registry's answer from a file instead of the registry
#   ... -Dbench.rate=1000           the constant rate, instead of half the lowest saturation
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v nginx >/dev/null 2>&1 || ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light wrk
fi
./mvnw -B -q install -DskipTests
exec java "$@" -Djava.util.logging.config.file=launcher/target/classes/logging.properties \
  -cp "bench/target/fugong-bench.jar:bench/target/lib/*" org.fugong.bench.GatewayBenchmark
