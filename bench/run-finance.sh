#!/usr/bin/env bash
# The finance benchmarks of docs/benchmarks.md that need the running services (policy matching on
# plain classes is bench/run-policies.sh): the time from a registry event to the
# fugong.finance.policy.matched event it causes, at a constant 100 registrations/s.
#   bench/run-finance.sh                                     20 s at 100/s, the 6 seeded policies
#   bench/run-finance.sh -Dbench.seconds=60 -Dbench.policies=200   and 200 synthetic ones (PolicyMatchingBenchmark's)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests
exec java "$@" -Djava.util.logging.config.file=launcher/target/classes/logging.properties \
  -cp "bench/target/fugong-bench.jar:bench/target/lib/*" org.fugong.bench.PolicyEventBenchmark
