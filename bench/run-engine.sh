#!/usr/bin/env bash
# The allocation engine's benchmark of docs/benchmarks.md: 100,000 requests against 10,000 offers.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests
exec java -Djava.util.logging.config.file=launcher/target/classes/logging.properties \
  -cp "bench/target/fugong-bench.jar:bench/target/lib/*" org.fugong.bench.EngineBenchmark "$@"
