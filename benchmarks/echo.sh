#!/bin/sh
# The echo benchmark: JTwisted vs Netty (one event loop, NIO and epoll) vs the real Twisted,
# each server in its own process, under the same closed-loop load. Arguments go to EchoBenchmark:
#   benchmarks/echo.sh [--connections 64] [--size 64] [--pipeline 1] [--warmup 5] [--duration 10]
#                      [--servers jtwisted,netty-nio,netty-epoll,twisted] [--python python3]
# The real Twisted is looked for in python3, then /usr/bin/python3 (override with --python).
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
exec "$JAVA_HOME/bin/java" -cp "$JAR" io.jtwisted.benchmarks.echo.EchoBenchmark --python "$PYTHON" "$@"
