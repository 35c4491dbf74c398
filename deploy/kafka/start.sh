#!/bin/bash
# The compose Kafka broker (the apache/kafka image runs it as  bash /opt/fugong/kafka/start.sh):
# one KRaft node, broker and controller, secured as security.properties says. On the first start
# the storage is formatted with a SCRAM-SHA-512 user for every principal of acls.txt and admin;
# then the broker starts, apply-acls.sh gives it acls.txt's grants, and only then does the health
# check (the marker file) let the services start.
#
# Passwords: FUGONG_KAFKA_<PRINCIPAL>_PASSWORD, or the file FUGONG_KAFKA_<PRINCIPAL>_PASSWORD_FILE
# names (a Docker secret), for ADMIN, REGISTRY, SUPPLY, LOGISTICS, FINANCE and INTEGRATOR. Letters,
# digits, - and _ only: they go into the storage tool's [name=..,password=..] and a JAAS line.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/principals.sh"
check_passwords
kafka_bin="${KAFKA_BIN:-/opt/kafka/bin}"
data="${FUGONG_KAFKA_DATA:-/var/lib/kafka/data}"
config="${FUGONG_KAFKA_CONFIG:-/tmp/fugong-server.properties}"
ready="${FUGONG_KAFKA_READY:-/tmp/fugong-kafka-ready}"
rm -f "$ready"

admin_password="$(password_of admin)"
umask 077
{
  cat "$here/security.properties"
  cat <<PROPERTIES
process.roles=broker,controller
node.id=1
# The controller listens on the container's loopback only (see security.properties).
controller.quorum.voters=1@localhost:9093
listeners=CLIENT://:9092,CONTROLLER://localhost:9093
advertised.listeners=CLIENT://${FUGONG_KAFKA_ADVERTISED_HOST:-kafka}:9092
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$admin_password";
log.dirs=$data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES
} > "$config"

if [ ! -f "$data/meta.properties" ]; then
  users=()
  for principal in $(principals); do
    users+=(--add-scram "SCRAM-SHA-512=[name=$principal,password=$(password_of "$principal")]")
  done
  "$kafka_bin/kafka-storage.sh" format --config "$config" \
    --cluster-id "${FUGONG_KAFKA_CLUSTER_ID:-$("$kafka_bin/kafka-storage.sh" random-uuid)}" "${users[@]}"
fi

"$kafka_bin/kafka-server-start.sh" "$config" &
broker=$!
trap 'kill -TERM "$broker"; wait "$broker"' TERM INT
if ! "$here/apply-acls.sh"; then
  echo "start.sh: could not apply acls.txt; stopping the broker" >&2
  kill -TERM "$broker"
  wait "$broker" || true
  exit 1
fi
touch "$ready"
wait "$broker"
