#!/usr/bin/env bash
# The load-and-fault run (cluster-tests' LoadRunTests; benchmarks/README.md, "The load-and-fault
# run"): the local stack's cluster mode (three brokers, two instances of each service, crashed
# children restarted) as a child process with a data folder of its own, 2,000 alerts created and
# confirmed, feeds at a steady rate for 3 minutes, then the same with faults (each instance and a
# broker killed -9, MongoDB stopped for 60 s, SMTP 421 for 2 minutes then 554 at DATA for 1), every
# email read from the SMTP server's store and compared with the oracle. Writes report.md, chart.svg
# and samples.csv to the folder it prints at the end; exits non-zero when a count that must be 0
# is not. Options go to Maven, e.g.:
#   ./load-run.sh -Dload.alerts=20000 -Dload.steady=10m      the larger size
#   ./load-run.sh -Dload.alerts=200 -Dload.steady=1m -Dload.faults=smtp   a short one
#   ./load-run.sh -Dload.output=/tmp/run1                      where the output goes
# Needs the local stack's ports free (no other local stack running). Builds what it needs (the
# services, local-stack.jar) on the way; no other tests run. One module at a time (-T1).
set -euo pipefail
cd "$(dirname "$0")"
exec ./mvnw -B -ntp -T1 -Pload -pl local-stack,cluster-tests -am verify \
	-Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
	-Dit.test=LoadRunTests -Dfailsafe.failIfNoSpecifiedTests=false "$@"
