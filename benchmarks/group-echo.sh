#!/bin/sh
# Echo at 1..N reactors (ReactorGroup) against Netty at 1..N event loops, in one run; each server in its
# own process under the same closed load, spread over client threads. Arguments go to GroupEchoBenchmark:
#   benchmarks/group-echo.sh [--connections 64] [--size 64] [--warmup 5] [--duration 10] [--load-threads 2]
#       [--servers jtwisted:1,jtwisted:2,netty-nio:1,netty-nio:2,netty-epoll:1,netty-epoll:2] [--rounds 1]
# At N cores: --servers jtwisted:1,jtwisted:N,netty-epoll:1,netty-epoll:N and enough --load-threads (and
# cores left for them) that the client is not what limits the servers: see the "client cores" column.
# --server-cpus 0,1 runs each server under taskset on those CPUs (run this script under taskset on others).
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bin/find-jdk.sh"
JAR="$ROOT/benchmarks/target/benchmarks.jar"
stale=$(find "$ROOT/core/src/main" "$ROOT/benchmarks/src/main" -newer "$JAR" -type f 2>/dev/null | head -1 || true)
if [ ! -f "$JAR" ] || [ -n "$stale" ]; then
  (cd "$ROOT" && ./mvnw -q -B -o -pl benchmarks -am package -DskipTests 2>/dev/null ||
   ./mvnw -q -B -pl benchmarks -am package -DskipTests) >&2
fi
exec "$JAVA_HOME/bin/java" -cp "$JAR" io.jtwisted.benchmarks.echo.GroupEchoBenchmark "$@"
