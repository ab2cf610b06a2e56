#!/bin/sh
# Connection storm: one client opens COUNT connections one after another (connect, close) against
# an echo server at its library's default backlog, for JTwisted, Netty NIO and the real Twisted,
# each server pinned to core 0 and the client to core 1; prints connections per second and the
# ratio of JTwisted's rate to each peer's.
#   benchmarks/storm.sh [COUNT]        (3000 by default)
# Also runs JTwisted with the old backlog of 50 ("jtwisted-50"), for comparison.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bin/find-jdk.sh"
COUNT=${1:-3000}
JAR="$ROOT/benchmarks/target/benchmarks.jar"
stale=$(find "$ROOT/core/src/main" "$ROOT/benchmarks/src/main" -newer "$JAR" -type f 2>/dev/null | head -1 || true)
if [ ! -f "$JAR" ] || [ -n "$stale" ]; then
  (cd "$ROOT" && ./mvnw -q -B -o -pl benchmarks -am package -DskipTests 2>/dev/null ||
   ./mvnw -q -B -pl benchmarks -am package -DskipTests) >&2
fi
PY=/usr/bin/python3
STORM="$ROOT/benchmarks/src/main/resources/storm/storm.py"
echo "somaxconn: $(cat /proc/sys/net/core/somaxconn 2>/dev/null || echo '?'); $COUNT connections per server"

run() { # NAME COMMAND...: start the server, wait for READY, storm it, stop it
  name=$1; shift
  out=$(mktemp)
  taskset -c 0 "$@" >"$out" 2>/dev/null &
  pid=$!
  i=0
  while ! grep -q '^READY' "$out" 2>/dev/null; do
    i=$((i + 1)); [ $i -gt 300 ] && { echo "$name did not start" >&2; kill $pid; return 1; }
    sleep 0.1
  done
  port=$(sed -n 's/^READY //p' "$out")
  taskset -c 1 "$PY" "$STORM" client "$port" 200 >/dev/null   # warm up
  result=$(taskset -c 1 "$PY" "$STORM" client "$port" "$COUNT")
  kill $pid; wait $pid 2>/dev/null || true
  rm -f "$out"
  rate=$(echo "$result" | awk '{print $3}')
  printf '%-12s %8s conn/s  (%s connections in %s s)\n' "$name" "$rate" "$COUNT" "$(echo "$result" | awk '{print $2}')"
  eval "rate_$(echo "$name" | tr -c 'a-z0-9\n' '_')=$rate"
}

run jtwisted "$JAVA_HOME/bin/java" -cp "$JAR" io.jtwisted.benchmarks.storm.StormServer jtwisted 0
run jtwisted-50 "$JAVA_HOME/bin/java" -cp "$JAR" io.jtwisted.benchmarks.storm.StormServer jtwisted 0 50
run netty-nio "$JAVA_HOME/bin/java" -cp "$JAR" io.jtwisted.benchmarks.storm.StormServer netty-nio 0
run twisted "$PY" "$STORM" twisted-server 0
echo "jtwisted / netty-nio: $(echo "$rate_jtwisted $rate_netty_nio" | awk '{printf "%.2f", $1 / $2}')x"
echo "jtwisted / twisted:   $(echo "$rate_jtwisted $rate_twisted" | awk '{printf "%.2f", $1 / $2}')x"
