#!/bin/sh
# Slow reader: a JTwisted server pushes BYTES (1 GiB by default) to each connection through a
# producer; a reader at 10 KiB/s must not make its heap grow, and a fast reader on the same reactor
# must keep its speed. Server pinned to core 0, readers to core 1.
#   benchmarks/slowreader.sh [BYTES [SLOW_SECONDS]]     (1073741824 and 30 by default)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bin/find-jdk.sh"
BYTES=${1:-1073741824}
SLOW=${2:-30}
JAR="$ROOT/benchmarks/target/benchmarks.jar"
stale=$(find "$ROOT/core/src/main" "$ROOT/benchmarks/src/main" -newer "$JAR" -type f 2>/dev/null | head -1 || true)
if [ ! -f "$JAR" ] || [ -n "$stale" ]; then
  (cd "$ROOT" && ./mvnw -q -B -o -pl benchmarks -am package -DskipTests 2>/dev/null ||
   ./mvnw -q -B -pl benchmarks -am package -DskipTests) >&2
fi
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
exec /usr/bin/python3 "$ROOT/benchmarks/src/main/resources/reliability/slowreader.py" "$JAVA_HOME/bin/java" "$JAR" "$BYTES" "$SLOW"
