#!/usr/bin/env bash
# MongoDB with access control as a replica set needs a key file for its members'
# internal authentication, even with one member: made once, in the data volume, then the
# image's own entrypoint (which creates the root user from MONGO_INITDB_ROOT_USERNAME and
# MONGO_INITDB_ROOT_PASSWORD on first start) runs mongod with it.
set -euo pipefail
key=/data/db/replica-set.key
if [ ! -s "$key" ]; then
  head -c 600 /dev/urandom | base64 -w 0 > "$key"
fi
chmod 400 "$key"
chown 999:999 "$key"
exec docker-entrypoint.sh mongod --replSet rs0 --bind_ip_all --keyFile "$key"
