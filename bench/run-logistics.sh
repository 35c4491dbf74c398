#!/usr/bin/env bash
# The logistics benchmarks of docs/benchmarks.md, one after the other:
#  1. PassCodeBenchmark: offline pass-code checks in one thread (the verifier, raw ES256, raw Ed25519,
#     raw RS256) and the QR symbol of each code; warm-up until the JIT is idle, 5 rounds of 5 s.
#  2. LogisticsBenchmark: checkpoint scans and POST /api/v1/enterprises through the gateway, each at
#     saturation (16 clients) and at half of it; registry, logistics and gateway from their prod jars.
#   bench/run-logistics.sh                                  defaults
#   bench/run-logistics.sh -Dbench.seconds=20 -Dbench.warmup=600    longer phases (both), longer warm-up cap
#   bench/run-logistics.sh -Dbench.only=pass-code           only the first (-Dbench.only=scans: only the second)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests
only=""
for arg in "$@"; do
  case "$arg" in -Dbench.only=*) only="${arg#-Dbench.only=}" ;; esac
done
run() {
  java "${@:2}" -Djava.util.logging.config.file=launcher/target/classes/logging.properties \
    -cp "bench/target/fugong-bench.jar:bench/target/lib/*" "org.fugong.bench.$1"
}
if [ "$only" != "scans" ]; then run PassCodeBenchmark "$@"; fi
if [ "$only" != "pass-code" ]; then run LogisticsBenchmark "$@"; fi
