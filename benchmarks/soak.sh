#!/bin/sh
# Soak: a JTwisted server (echo, idle timeouts, timer churn) under mixed load (CLIENTS echo clients, 16 by default, and
# connect/close churn) for SECONDS (600 by default), sampling its heap, descriptors and threads;
# then SIGTERM while the clients echo. Prints the samples, the drift between the first sample
# after the warm-up and the last, how the stop went, and a verdict. Server pinned to core 0,
# clients to core 1.
#   benchmarks/soak.sh [SECONDS [CLIENTS]]
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bin/find-jdk.sh"
SECONDS_TO_RUN=${1:-600}
CLIENTS=${2:-16}
JAR="$ROOT/benchmarks/target/benchmarks.jar"
stale=$(find "$ROOT/core/src/main" "$ROOT/benchmarks/src/main" -newer "$JAR" -type f 2>/dev/null | head -1 || true)
if [ ! -f "$JAR" ] || [ -n "$stale" ]; then
  (cd "$ROOT" && ./mvnw -q -B -o -pl benchmarks -am package -DskipTests 2>/dev/null ||
   ./mvnw -q -B -pl benchmarks -am package -DskipTests) >&2
fi
echo "soak for $SECONDS_TO_RUN s with $CLIENTS echo clients; load average $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 "$ROOT/benchmarks/src/main/resources/reliability/soak.py" "$JAVA_HOME/bin/java" "$JAR" "$SECONDS_TO_RUN" "$CLIENTS"
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
