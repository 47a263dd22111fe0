#!/usr/bin/env bash
# Runs a Kafka command-line tool logged in as the brokers' own user (SASL/PLAIN on the
# BROKER listener, port 19092), for docker-compose.yml's healthchecks and the one-shot
# service that creates the clients' SCRAM user:
#   bash /compose/kafka-as-broker.sh kafka-configs.sh --bootstrap-server kafka-1:19092 ...
# The password comes from BROKER_PASSWORD and is written only to a file of this container.
set -euo pipefail
: "${BROKER_PASSWORD:?set BROKER_PASSWORD}"
login=$(mktemp)
trap 'rm -f "$login"' EXIT
cat > "$login" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="broker" password="${BROKER_PASSWORD}";
PROPERTIES
tool="$1"
shift
"/opt/kafka/bin/${tool}" --command-config "$login" "$@"
