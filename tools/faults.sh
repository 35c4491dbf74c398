#!/usr/bin/env bash
# The fault suite's full run (issue 17; docs/reliability.md): the real suite with the Kafka broker
# in its own process, a constant write load through the gateway, one fault per scenario, and the
# checker's count (ok, lost, duplicated, unexpected, recovered) printed as a table per scenario.
#   tools/faults.sh                                   every scenario, 100 writes/s, 60 s of load each
#                                                     (the relay takeovers last, on a suite with two
#                                                     replicas of registry and supply)
#   tools/faults.sh --scenarios=broker-kill --load=60 one scenario
# Options (seconds): --rate=100 --load=60 --fault-at=15 --broker-down=30 --postgres-down=10
#   --settle=180 --warm-up=30 --work=target/faults; scenarios: broker-kill, kill-registry, kill-supply,
#   kill-logistics, kill-finance, kill-gateway, consumer-kill-mid-batch, postgres-stop, postgres-pause;
#   relay-takeover-registry, relay-takeover-supply. Logs in <work>/plain/logs and <work>/replicas/logs.
# Exit status 0 when every scenario lost, doubled and made unexpectedly nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests -pl registry-service,supply-service,logistics-service,finance-service,gateway,launcher -am
exec java -Djava.util.logging.config.file=launcher/target/classes/logging.properties \
  -cp launcher/target/fugong-launcher.jar org.fugong.launcher.fault.FaultRunner "$@"
