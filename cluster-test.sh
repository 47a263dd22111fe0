#!/usr/bin/env bash
# The multi-instance runs on real processes (cluster-tests' ClusterRunsTests, and local-stack's
# three-node KafkaClusterTests first): three Kafka
# brokers and two instances of each service in child JVMs, a seeded workload of a few hundred
# alerts, without faults and then with a broker and one instance of each service killed -9.
# Each run prints its table and its seed. Options go to Maven, e.g.:
#   ./cluster-test.sh -Dcluster.seed=123456789       repeat a run
#   ./cluster-test.sh -Dcluster.rounds=3             a shorter one
#   ./cluster-test.sh -Dit.test='ClusterRunsTests#withoutFaults*'   one of the two
# Builds what it needs (with the services and the Kafka jars of local-stack) on the way; the
# fast and slow suites of the other modules are not run. About 7 minutes on 2 cores. One module
# at a time (-T1, over .mvn/maven.config's -T2): the runs need the whole machine.
set -euo pipefail
cd "$(dirname "$0")"
exec ./mvnw -B -ntp -T1 -Pcluster -pl local-stack,cluster-tests -am verify \
	-Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
	-Dit.test='KafkaClusterTests,ClusterRunsTests' -Dfailsafe.failIfNoSpecifiedTests=false "$@"
