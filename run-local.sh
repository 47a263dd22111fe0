#!/usr/bin/env bash
# Builds and starts NHSJob Alerts on this machine, without Docker: a Kafka broker, MongoDB
# (embedded unless MONGODB_URI is set), a mail catcher with a web inbox at
# http://localhost:8025, and the three services on 8081-8083. Data stays in .local-stack/
# (LOCAL_STACK_DIR) across restarts; the sample feeds are written there at each start with
# current dates (.local-stack/samples/demo-feed.{json,jsonld,xml,csv}). Ctrl-C stops everything.
#
#   ./run-local.sh                        build, then start everything
#   ./run-local.sh --infrastructure-only  everything but the services
#   SKIP_BUILD=1 ./run-local.sh           start what was built last time
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v java >/dev/null 2>&1; then
  echo "run-local.sh: Java 17 or newer is needed (java is not on the PATH)" >&2
  exit 1
fi

if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  echo "[local-stack] Building (./mvnw -DskipTests package) ..."
  # the formatting check belongs to the build and CI (./mvnw verify), not to running the system
  ./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true package \
    -pl local-stack,ingest-service,matcher-service,notifier-service -am
fi

exec java -Dlocal-stack.root="$PWD" -jar local-stack/target/local-stack.jar "$@"
