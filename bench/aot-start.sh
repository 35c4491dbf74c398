#!/usr/bin/env bash
# Start-up of one service as the run command starts it (JDK 17, fast-jar, AppCDS archive, the
# chosen flags) against JDK 25's AOT cache (JEP 483/514/515) on Quarkus's aot-jar packaging, in one
# run, interleaved rounds. An experiment for issue 16 item 5, not the run command.
#
#   bench/aot-start.sh [service] [rounds]       (default: registry-service 3)
#
# Needs the suite running (./run.sh or java -jar launcher/target/fugong-launcher.jar): the extra
# instance started here is a second replica of the running one, with its environment (database,
# broker, token keys) and a port of its own, so "data present" is the suite's data. Needs a JDK 25
# (JAVA25, default /usr/lib/jvm/temurin-25-jdk-amd64). Builds the aot-jar copy into
# target/aot-start/<service>/, trains its cache with a start and a minute of requests to its /q endpoints, then times starts
# from launching java to the first 200 of /q/health/ready (polled every 20 ms) and reads VmRSS then.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVICE=${1:-registry-service}
ROUNDS=${2:-3}
JAVA17=${JAVA17:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}
WORK=$PWD/target/aot-start/$SERVICE
PORT=${PORT:-28999}

running=$(for candidate in $(pgrep java); do
  if [ "$(readlink -f /proc/"$candidate"/cwd)" = "$(readlink -f "$SERVICE/target/quarkus-app")" ]; then
    echo "$candidate"
  fi
done | head -1)
[ -n "$running" ] || { echo "start the suite first: $SERVICE is not running" >&2; exit 1; }
# The running instance's environment, with a port of our own.
mapfile -d '' environment < /proc/"$running"/environ
run_env=()
for entry in "${environment[@]}"; do
  case "$entry" in QUARKUS_HTTP_PORT=*|JAVA_TOOL_OPTIONS=*) ;; *) run_env+=("$entry") ;; esac
done
run_env+=("QUARKUS_HTTP_PORT=$PORT")

if [ ! -f "$WORK/quarkus-app/quarkus-run.jar" ]; then
  echo "== packaging $SERVICE as aot-jar into $WORK (the fast-jar is packaged again after)"
  ./mvnw -B -o -q package -pl "$SERVICE" -DskipTests -Dquarkus.package.jar.type=aot-jar \
    -Dquarkus.package.jar.appcds.enabled=false
  rm -rf "$WORK" && mkdir -p "$WORK" && cp -r "$SERVICE/target/quarkus-app" "$WORK/"
  ./mvnw -B -o -q package -pl "$SERVICE" -DskipTests
fi

CHOSEN=(-XX:+UseSerialGC -Xms16m -Xmx160m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k
  -XX:CICompilerCount=2)

# start <dir> <java> <flags…>: sets $result to "wall_ms rss_mb" once ready and $pid to the JVM, left running
start() {
  local dir=$1 java=$2; shift 2
  local t0; t0=$(date +%s%N)
  (cd "$dir" && exec env -i "${run_env[@]}" "$java/bin/java" "$@" -jar quarkus-run.jar >>"$WORK/instance.log" 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "exited; see $WORK/instance.log" >&2; exit 1; }
    sleep 0.02
  done
  local t1; t1=$(date +%s%N)
  result="$(( (t1 - t0) / 1000000 )) ms, $(( $(awk '/VmRSS/ {print $2}' /proc/"$pid"/status) / 1024 )) MB"
}
stop() {
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

if [ ! -f "$WORK/quarkus-app/app.aot" ]; then
  echo "== training the cache: a start, 60 s of requests to its /q endpoints, then a clean stop (the JVM writes app.aot at exit)"
  start "$WORK/quarkus-app" "$JAVA25" "${CHOSEN[@]}" -XX:AOTCacheOutput=app.aot
  end=$(( $(date +%s) + 60 ))
  while [ "$(date +%s)" -lt "$end" ]; do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"
    curl -s -o /dev/null "http://127.0.0.1:$PORT/q/openapi"
    curl -s -o /dev/null "http://127.0.0.1:$PORT/q/metrics"
  done
  stop
  ls -la "$WORK/quarkus-app/app.aot"
fi

echo "== $ROUNDS interleaved rounds; each: wall ms to ready, RSS MB at ready"
for round in $(seq "$ROUNDS"); do
  start "$PWD/$SERVICE/target/quarkus-app" "$JAVA17" "${CHOSEN[@]}" -XX:SharedArchiveFile=app-cds.jsa -Xshare:auto; stop
  echo "round $round  jdk17 fast-jar + AppCDS (the run command's)  $result"
  start "$WORK/quarkus-app" "$JAVA25" "${CHOSEN[@]}"; stop
  echo "round $round  jdk25 aot-jar, no cache                      $result"
  start "$WORK/quarkus-app" "$JAVA25" "${CHOSEN[@]}" -XX:AOTCache=app.aot; stop
  echo "round $round  jdk25 aot-jar + AOT cache                    $result"
done
