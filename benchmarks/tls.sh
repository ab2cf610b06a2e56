#!/bin/sh
# The TLS benchmark: JTwisted's TLS echo server vs Netty's SslHandler (JDK provider), each in its
# own process, under the same Netty client load: echo (CPU per MB) and full handshakes per second.
#   benchmarks/tls.sh [--connections 64] [--size 4096] [--concurrency 16] [--warmup 5] [--duration 10]
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bin/find-jdk.sh"
JAR="$ROOT/benchmarks/target/benchmarks.jar"
stale=$(find "$ROOT/core/src/main" "$ROOT/benchmarks/src/main" -newer "$JAR" -type f 2>/dev/null | head -1 || true)
if [ ! -f "$JAR" ] || [ -n "$stale" ]; then
  (cd "$ROOT" && ./mvnw -q -B -o -pl benchmarks -am package -DskipTests 2>/dev/null ||
   ./mvnw -q -B -pl benchmarks -am package -DskipTests) >&2
fi
exec "$JAVA_HOME/bin/java" -cp "$JAR" io.jtwisted.benchmarks.tls.TlsBenchmark "$@"
