#!/usr/bin/env bash
# The reads-at-scale benchmark of docs/benchmarks.md: the list endpoints of registry (enterprises) and
# supply (supply requests) over 1,000,000 rows each, first page and a page 100,000 rows deep, per filter,
# with EXPLAIN (ANALYZE, BUFFERS) of the SQL each filter sends. Seeding takes a few minutes.
#   bench/run-reads.sh                                    1,000,000 rows, depth 100,000, median of 5 tries
#   bench/run-reads.sh -Dbench.rows=200000 -Dbench.depth=20000 -Dbench.tries=9   smaller, more tries
#   bench/run-reads.sh -Dbench.durable=true               fsync and synchronous_commit on
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests
exec java "$@" -Djava.util.logging.config.file=launcher/target/classes/logging.properties \
  -cp "bench/target/fugong-bench.jar:bench/target/lib/*" org.fugong.bench.ReadsAtScaleBenchmark
