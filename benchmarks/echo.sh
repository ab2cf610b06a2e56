#!/bin/sh
# The echo benchmark: a C epoll floor server vs JTwisted vs Netty (one event loop, NIO and epoll)
# vs the real Twisted, each server in its own process, under the same closed-loop load.
# Arguments go to EchoBenchmark:
#   benchmarks/echo.sh [--connections 64] [--size 64] [--pipeline 1] [--warmup 5] [--duration 10]
#                      [--servers c-floor,jtwisted,jtwisted-buffer,netty-nio,netty-epoll,twisted]
#                      [--python python3] [--loads 64x64,4096x64,64x1] [--rounds N] [--slice S] [--rate R]
# jtwisted-buffer is the same echo on the opt-in buffer-level path (IBufferReceiver, no copy).
# --slice S measures the servers side by side, the load moving between them every S seconds;
# --rounds N repeats each load N times and gives the median ratio to the floor (for shared machines).
# A load may name a rate, --loads 64x1@15000: its connections are paced to that many messages per
# second in all, so every server gets the same arrivals (a closed loop batches more for a slower one).
# The floor (benchmarks/c/echo_floor.c) is compiled here with cc; with --loads, every server runs
# under each SIZExCONNECTIONS load and the last table gives each one's efficiency relative to the
# floor. With taskset, each server is pinned to CPU 0 and the load to CPU 1 (PIN=no: not pinned).
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
FLOOR_ARGS=
if command -v cc >/dev/null; then
  FLOOR="$ROOT/benchmarks/target/echo_floor"
  mkdir -p "$ROOT/benchmarks/target"
  cc -O2 -o "$FLOOR" "$ROOT/benchmarks/c/echo_floor.c"
  FLOOR_ARGS="--floor $FLOOR"
else
  echo "cc not found: the c-floor server is skipped (apt-get install -y gcc)" >&2
fi
PIN_LOAD=
PIN_ARGS=
if [ "${PIN:-yes}" != no ] && command -v taskset >/dev/null; then
  PIN_LOAD="taskset -c 1"
  PIN_ARGS="--server-cpu 0"
fi
exec $PIN_LOAD "$JAVA_HOME/bin/java" -cp "$JAR" io.jtwisted.benchmarks.echo.EchoBenchmark --python "$PYTHON" \
  --servers c-floor,jtwisted,jtwisted-buffer,netty-nio,netty-epoll,twisted $FLOOR_ARGS $PIN_ARGS "$@"
