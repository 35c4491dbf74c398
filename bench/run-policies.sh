#!/usr/bin/env bash
# The policy-matching benchmark of docs/benchmarks.md: 100,000 enterprises against 200 policies, one thread.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests
exec java -Djava.util.logging.config.file=launcher/target/classes/logging.properties \
  -cp "bench/target/fugong-bench.jar:bench/target/lib/*" org.fugong.bench.PolicyMatchingBenchmark "$@"
