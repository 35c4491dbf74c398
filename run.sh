#!/usr/bin/env bash
# The run command: builds what is needed, then starts embedded PostgreSQL, an in-process Kafka
# broker and the services, waits until they are ready and prints the URLs. Ctrl-C stops everything.
#   ./run.sh          start (data kept under .fugong/)
#   ./run.sh --demo   start and load demo data on first run
#   ./run.sh --secure Kafka with SASL/SCRAM and the ACLs of deploy/kafka/acls.txt, as in production
#                     (without it the local broker is plaintext and open, which the output says)
# FUGONG_BUILD=always builds even when no source changed since the last build;
# FUGONG_SERVICE_JAVA_HOME=<jdk> runs the services on that JDK (default: the newest JDK 25 or later
# under /usr/lib/jvm, whose AOT cache starts them faster; else the JDK that runs this script).
set -euo pipefail
cd "$(dirname "$0")"

# Only what it runs: the services, the gateway and the launcher with what they depend on (not bench).
# Not again when no pom or source changed since: a build writes the jars anew, and a service's AOT
# cache holds only for the jars it was trained with, so an unneeded build would cost it its next start.
stamp=launcher/target/run-build.stamp
changed=$(find . \( -name target -o -name .git -o -name .fugong -o -name node_modules \) -prune -o \
  \( -name pom.xml -o -path '*/src/*' \) -type f -newer "$stamp" -print -quit 2>/dev/null || true)
for module in registry-service supply-service logistics-service finance-service gateway; do
  [ -f "$module/target/quarkus-app/quarkus-run.jar" ] || changed="$module is not packaged"
done
if [ "${FUGONG_BUILD:-}" = always ] || [ ! -f "$stamp" ] || [ -n "$changed" ]; then
  ./mvnw -B -q install -DskipTests -pl registry-service,supply-service,logistics-service,finance-service,gateway,launcher -am
  touch "$stamp"
else
  echo "No source changed since the last build ($stamp): not building (FUGONG_BUILD=always builds)"
fi

service_java=${FUGONG_SERVICE_JAVA_HOME:-}
if [ -z "$service_java" ]; then
  best=0
  for jdk in /usr/lib/jvm/*/; do
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release" 2>/dev/null || true)
    if [ -n "$major" ] && [ "$major" -ge 25 ] && [ "$major" -gt "$best" ] && [ -x "$jdk/bin/java" ]; then
      best=$major service_java=${jdk%/}
    fi
  done
fi
exec java -Djava.util.logging.config.file=launcher/target/classes/logging.properties \
  ${service_java:+-Dfugong.service.java.home="$service_java"} -jar launcher/target/fugong-launcher.jar "$@"
