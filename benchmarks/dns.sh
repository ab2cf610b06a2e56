#!/bin/bash
# The DNS benchmark: dnsperf against JTwisted's DNS server, the real Twisted's `twistd dns` and
# dnsmasq, all serving the same hosts file on 127.0.0.1, each server pinned to CPU 1 and dnsperf
# to CPU 0 with taskset, one after the other in one run. Prints queries/s and server CPU per query.
#   benchmarks/dns.sh [--mode tcp|udp] [--duration 10] [--warmup 5] [--clients 8] [--outstanding 64]
#                     [--names 100] [--servers jtwisted,twisted,dnsmasq]
# Needs dnsperf, dnsmasq (dnsmasq-base) and python3-twisted: apt-get install -y dnsperf dnsmasq-base python3-twisted
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MODE=tcp DURATION=10 WARMUP=5 CLIENTS=8 OUTSTANDING=64 NAMES=100 SERVERS=jtwisted,twisted,dnsmasq
while [ $# -gt 0 ]; do
  case "$1" in
    --mode) MODE=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --outstanding) OUTSTANDING=$2; shift 2 ;;
    --names) NAMES=$2; shift 2 ;;
    --servers) SERVERS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
. "$ROOT/bin/find-jdk.sh"
JAR="$ROOT/benchmarks/target/benchmarks.jar"
stale=$(find "$ROOT/core/src/main" "$ROOT/names/src/main" "$ROOT/benchmarks/src/main" -newer "$JAR" -type f 2>/dev/null | head -1 || true)
if [ ! -f "$JAR" ] || [ -n "$stale" ]; then
  (cd "$ROOT" && ./mvnw -q -B -o -pl benchmarks -am package -DskipTests 2>/dev/null ||
   ./mvnw -q -B -pl benchmarks -am package -DskipTests) >&2
fi
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
for i in $(seq 1 "$NAMES"); do
  echo "10.77.$((i / 256)).$((i % 256)) host$i.bench.test" >> "$WORK/hosts"
  echo "host$i.bench.test A" >> "$WORK/queries"
done
PORT=$((20000 + RANDOM % 20000))
TICK=$(getconf CLK_TCK)

cpu_ticks() { # utime + stime + cutime + cstime of a process (children count once they are reaped)
  awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat"
}

wait_port() {
  for _ in $(seq 1 200); do
    if dig @127.0.0.1 -p "$PORT" +tcp +time=1 +tries=1 host1.bench.test A >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "server did not answer on port $PORT" >&2; return 1
}

start_server() {
  case "$1" in
    jtwisted) taskset -c 1 "$JAVA_HOME/bin/java" -XX:+UseSerialGC -cp "$JAR" io.jtwisted.benchmarks.dns.DnsServerMain \
                "$WORK/hosts" "$PORT" >"$WORK/$1.log" 2>&1 & ;;
    twisted) taskset -c 1 twistd3 -n --pidfile= -l "$WORK/twistd.log" dns -p "$PORT" -i 127.0.0.1 \
                --hosts-file "$WORK/hosts" >"$WORK/$1.log" 2>&1 & ;;
    dnsmasq) taskset -c 1 dnsmasq -k -C /dev/null --port="$PORT" --listen-address=127.0.0.1 --bind-interfaces \
                --no-resolv --no-hosts --addn-hosts="$WORK/hosts" --pid-file="$WORK/dnsmasq.pid" \
                --user=root --group=root >"$WORK/$1.log" 2>&1 & ;;
    *) echo "unknown server $1" >&2; exit 2 ;;
  esac
  SERVER_PID=$!
}

printf '%-10s %12s %14s\n' server 'queries/s' 'µs CPU/query'
declare -A QPS CPU
for server in ${SERVERS//,/ }; do
  PORT=$((PORT + 1))
  start_server "$server"
  wait_port
  taskset -c 0 dnsperf -s 127.0.0.1 -p "$PORT" -m "$MODE" -d "$WORK/queries" -l "$WARMUP" -c "$CLIENTS" \
    -q "$OUTSTANDING" >/dev/null 2>&1 || true
  sleep 1
  before=$(cpu_ticks "$SERVER_PID")
  taskset -c 0 dnsperf -s 127.0.0.1 -p "$PORT" -m "$MODE" -d "$WORK/queries" -l "$DURATION" -c "$CLIENTS" \
    -q "$OUTSTANDING" > "$WORK/$server.perf" 2>&1
  sleep 1 # let dnsmasq's per-connection children exit and be counted
  after=$(cpu_ticks "$SERVER_PID")
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  completed=$(awk '/Queries completed:/ { print $3 }' "$WORK/$server.perf")
  qps=$(awk '/Queries per second:/ { print $4 }' "$WORK/$server.perf")
  lost=$(awk '/Queries lost:/ { print $3 }' "$WORK/$server.perf")
  cpu_us=$(awk -v t=$((after - before)) -v hz="$TICK" -v n="$completed" 'BEGIN { printf "%.2f", (n > 0 ? t / hz * 1e6 / n : 0) }')
  QPS[$server]=$qps CPU[$server]=$cpu_us
  printf '%-10s %12.0f %14s   (completed %s, lost %s)\n' "$server" "$qps" "$cpu_us" "$completed" "$lost"
done
if [ -n "${CPU[jtwisted]:-}" ]; then
  echo
  echo "queries per server CPU-second, jtwisted ÷ this:"
  for server in ${SERVERS//,/ }; do
    awk -v j="${CPU[jtwisted]}" -v s="${CPU[$server]}" -v n="$server" 'BEGIN { if (j > 0) printf "  %-10s %.2fx\n", n, s / j }'
  done
fi
echo "mode $MODE, $CLIENTS clients, $OUTSTANDING outstanding, ${DURATION}s after ${WARMUP}s warm-up, $NAMES names"
