#!/usr/bin/env bash
# The run command: builds what is needed, then starts embedded PostgreSQL, an in-process Kafka
# broker and the services, waits until they are ready and prints the URLs. Ctrl-C stops everything.
#   ./run.sh          start (data kept under .fugong/)
#   ./run.sh --demo   start and load demo data on first run
#   ./run.sh --secure Kafka with SASL/SCRAM and the ACLs of deploy/kafka/acls.txt, as in production
#                     (without it the local broker is plaintext and open, which the output says)
set -euo pipefail
cd "$(dirname "$0")"
# Only what it runs: the services, the gateway and the launcher with what they depend on (not bench).
./mvnw -B -q install -DskipTests -pl registry-service,supply-service,logistics-service,finance-service,gateway,launcher -am
exec java -Djava.util.logging.config.file=launcher/target/classes/logging.properties \
  -jar launcher/target/fugong-launcher.jar "$@"
