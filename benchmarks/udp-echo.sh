#!/bin/sh
# The UDP echo benchmark: JTwisted vs Netty NIO (one event loop) vs the real Twisted, each server
# in its own process, under the same closed-loop load. Arguments go to UdpEchoBenchmark:
#   benchmarks/udp-echo.sh [--flows 8] [--size 64] [--warmup 5] [--duration 10]
#                          [--servers jtwisted,netty-nio,twisted] [--python python3]
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bin/find-jdk.sh"
JAR="$ROOT/benchmarks/target/benchmarks.jar"
stale=$(find "$ROOT/core/src/main" "$ROOT/benchmarks/src/main" -newer "$JAR" -type f 2>/dev/null | head -1 || true)
if [ ! -f "$JAR" ] || [ -n "$stale" ]; then
  (cd "$ROOT" && ./mvnw -q -B -o -pl benchmarks -am package -DskipTests 2>/dev/null ||
   ./mvnw -q -B -pl benchmarks -am package -DskipTests) >&2
fi
PYTHON=python3
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import twisted' 2>/dev/null; then PYTHON=$candidate; break; fi
done
exec "$JAVA_HOME/bin/java" -cp "$JAR" io.jtwisted.benchmarks.udp.UdpEchoBenchmark --python "$PYTHON" "$@"
