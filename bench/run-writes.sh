#!/usr/bin/env bash
# The write paths of logistics and finance (docs/benchmarks.md): POST /api/v1/green-passes from one
# origin county and from sixteen, and POST /api/v1/financing-applications, straight to each service
# from its prod jar; warm-up until its compilers are idle, interleaved rounds at saturation, CPU per
# request by thread, what a request does in the database, then a JFR profile of each.
#   bench/run-writes.sh                                    20 s phases, 3 rounds, 16 clients
#   bench/run-writes.sh -Dbench.seconds=30 -Dbench.rounds=5 -Dbench.durable=true   longer; fsync and synchronous_commit on
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests
exec java "$@" -Djava.util.logging.config.file=launcher/target/classes/logging.properties \
  -cp "bench/target/fugong-bench.jar:bench/target/lib/*" org.fugong.bench.WritePathBenchmark
