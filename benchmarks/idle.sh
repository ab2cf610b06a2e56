#!/bin/sh
# Idle connections: COUNT connections opened at once and held against JTwisted, Netty NIO and bare
# JDK NIO (the floor: a selector and the JDK's socket objects only), in one run, each server pinned
# to core 0 and the client to core 1. Prints per server the rate at which the burst was accepted,
# the heap held per idle connection (after full collections) and the descriptors, then the heap
# beyond bare NIO's and the JTwisted / Netty ratios.
#   benchmarks/idle.sh [COUNT [ROUNDS]]   (10000 and 3 by default; the descriptor limit is raised to fit)
# Each round measures every server once, in alternating order; the medians are compared.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bin/find-jdk.sh"
COUNT=${1:-10000}
ROUNDS=${2:-3}
JAR="$ROOT/benchmarks/target/benchmarks.jar"
stale=$(find "$ROOT/core/src/main" "$ROOT/benchmarks/src/main" -newer "$JAR" -type f 2>/dev/null | head -1 || true)
if [ ! -f "$JAR" ] || [ -n "$stale" ]; then
  (cd "$ROOT" && ./mvnw -q -B -o -pl benchmarks -am package -DskipTests 2>/dev/null ||
   ./mvnw -q -B -pl benchmarks -am package -DskipTests) >&2
fi
need=$((COUNT + 1000))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need" ]; then
  ulimit -n "$need" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
fi
echo "$COUNT idle connections per server; descriptor limit $(ulimit -n); load average $(cut -d' ' -f1-3 /proc/loadavg)"
exec /usr/bin/python3 "$ROOT/benchmarks/src/main/resources/reliability/idle.py" "$JAVA_HOME/bin/java" "$JAR" "$COUNT" "$ROUNDS" nio jtwisted netty-nio
