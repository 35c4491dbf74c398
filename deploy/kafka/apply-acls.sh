#!/bin/bash
# Gives the running compose broker the logins and grants of this directory: every principal's
# SCRAM-SHA-512 password (so a volume formatted before a principal was added, or a changed
# password, is brought up to date) and every line of acls.txt, logged in as admin. Run by
# start.sh at every start; after editing acls.txt, run it again in the container:
#   docker compose exec kafka bash /opt/fugong/kafka/apply-acls.sh
# It adds grants; one removed from acls.txt is removed by hand (kafka-acls.sh --remove). When
# neither the file nor a password changed since the last run, it does nothing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/principals.sh"
check_passwords
kafka_bin="${KAFKA_BIN:-/opt/kafka/bin}"
data="${FUGONG_KAFKA_DATA:-/var/lib/kafka/data}"
bootstrap="${FUGONG_KAFKA_BOOTSTRAP:-localhost:9092}"
admin_config="${FUGONG_KAFKA_ADMIN_CONFIG:-/tmp/fugong-admin.properties}"
applied="$data/fugong-security.applied"

umask 077
cat > "$admin_config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$(password_of admin)";
PROPERTIES

# What was applied last: the grants and the passwords (hashed).
state="$({ cat "$here/acls.txt"; for principal in $(principals); do
  echo "$principal $(password_of "$principal")"; done; } | sha256sum | cut -d ' ' -f 1)"
if [ -f "$applied" ] && [ "$(cat "$applied")" = "$state" ]; then
  echo "apply-acls.sh: logins and grants unchanged since the last start"
  exit 0
fi

for attempt in $(seq 1 60); do
  if "$kafka_bin/kafka-broker-api-versions.sh" --bootstrap-server "$bootstrap" --command-config "$admin_config" \
      > /dev/null 2>&1; then
    break
  fi
  [ "$attempt" -lt 60 ] || { echo "apply-acls.sh: the broker did not answer" >&2; exit 1; }
  sleep 2
done

for principal in $(principals); do
  "$kafka_bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$admin_config" --alter \
    --entity-type users --entity-name "$principal" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$(password_of "$principal")]" > /dev/null
done

# One kafka-acls.sh per principal, pattern type and operation, naming all its topics and groups.
declare -A resources=()
while read -r principal resource name operation extra; do
  [ -n "$principal" ] || continue
  if [ -z "$operation" ] || [ -n "$extra" ] || { [ "$resource" != topic ] && [ "$resource" != group ]; }; then
    echo "apply-acls.sh: not a grant: $principal $resource $name $operation $extra" >&2
    exit 1
  fi
  pattern=literal
  if [[ "$name" == *'*' ]]; then
    pattern=prefixed
    name="${name%\*}"
  fi
  resources["$principal $pattern $operation"]+=" --$resource $name"
done < <(sed -e 's/#.*//' "$here/acls.txt")
for key in "${!resources[@]}"; do
  read -r principal pattern operation <<< "$key"
  # shellcheck disable=SC2086 # the resources are one option and name per word
  "$kafka_bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin_config" --add \
    --allow-principal "User:$principal" --operation "$operation" --resource-pattern-type "$pattern" \
    ${resources[$key]} > /dev/null
done
echo "$state" > "$applied"
echo "apply-acls.sh: ${#resources[@]} grant groups of acls.txt applied"
