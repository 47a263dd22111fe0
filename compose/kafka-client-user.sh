#!/usr/bin/env bash
# Creates (or updates) the services' Kafka user, SCRAM-SHA-512, from CLIENT_USER and
# CLIENT_PASSWORD, once every broker is healthy: docker-compose.yml's kafka-users service.
set -euo pipefail
: "${CLIENT_USER:?set CLIENT_USER}" "${CLIENT_PASSWORD:?set CLIENT_PASSWORD}"
bash /compose/kafka-as-broker.sh kafka-configs.sh --bootstrap-server kafka-1:19092,kafka-2:19092,kafka-3:19092 \
  --alter --entity-type users --entity-name "$CLIENT_USER" \
  --add-config "SCRAM-SHA-512=[iterations=8192,password=${CLIENT_PASSWORD}]"
