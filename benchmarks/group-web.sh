#!/bin/sh
# The small-file HTTP load at 1..N reactors (ReactorGroup, one Site(File(dir)) per reactor) against Netty's
# static-file server at 1..N event loops, in one run: the same 1.4 KB file as benchmarks/web.sh, 64
# keep-alive connections from wrk, one server at a time. For each server: requests/s, the server's CPU per
# request (user + system of all its threads over the measured run), the cores the server and wrk used, and
# the cores the machine left idle meanwhile (/proc/stat).
# Usage: benchmarks/group-web.sh [--duration 10] [--warmup 3] [--rounds 1] [--connections 64]
#   [--wrk-threads 2] [--servers jtwisted:1,jtwisted:2,jtwisted-handoff:2,netty-epoll:1,netty-epoll:2]
#   [--server-cpus 0,1] [--wrk-cpus 2,3]
# jtwisted:N spreads by SO_REUSEPORT, jtwisted-handoff:N by one acceptor handing off; netty-nio:N also works.
# At N cores: give the servers N CPUs and wrk others (--server-cpus, --wrk-cpus) so that "wrk cores" stays
# below its thread count and "idle cores" above zero; otherwise the figure measures wrk, not the server.
# Needs: wrk, curl, taskset (apt-get install -y wrk curl util-linux).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bin/find-jdk.sh"
DURATION=10 WARMUP=3 ROUNDS=1 CONNECTIONS=64 WRK_THREADS=2 SERVER_CPUS= WRK_CPUS=
SERVERS=jtwisted:1,jtwisted:2,jtwisted-handoff:2,netty-epoll:1,netty-epoll:2
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --wrk-threads) WRK_THREADS=$2; shift 2 ;;
    --servers) SERVERS=$2; shift 2 ;;
    --server-cpus) SERVER_CPUS=$2; shift 2 ;;
    --wrk-cpus) WRK_CPUS=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
for tool in wrk curl taskset; do
  command -v $tool >/dev/null || { echo "$tool is not installed (apt-get install -y wrk curl util-linux)" >&2; exit 1; }
done
JAR="$ROOT/benchmarks/target/benchmarks.jar"
stale=$(find "$ROOT/core/src/main" "$ROOT/web/src/main" "$ROOT/benchmarks/src/main" -newer "$JAR" -type f 2>/dev/null | head -1 || true)
if [ ! -f "$JAR" ] || [ -n "$stale" ]; then
  (cd "$ROOT" && ./mvnw -q -B -o -pl benchmarks -am package -DskipTests 2>/dev/null ||
   ./mvnw -q -B -pl benchmarks -am package -DskipTests) >&2
fi

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
mkdir "$WORK/www"
head -c 1400 /dev/urandom | base64 -w 76 | head -c 1400 > "$WORK/www/small.html"

# taskset prefixes (empty: no pinning); not a shell function, so that $! is the server's or wrk's own pid
PIN_SERVER= PIN_WRK=
[ -n "$SERVER_CPUS" ] && PIN_SERVER="taskset -c $SERVER_CPUS"
[ -n "$WRK_CPUS" ] && PIN_WRK="taskset -c $WRK_CPUS"

start_server() { # kind threads
  java="$JAVA_HOME/bin/java -Xms256m -Xmx256m -cp $JAR"
  case "$1" in
    jtwisted) set -- $java io.jtwisted.benchmarks.web.GroupWebServer "$WORK/www" "$2" 0 reuse-port ;;
    jtwisted-handoff) set -- $java io.jtwisted.benchmarks.web.GroupWebServer "$WORK/www" "$2" 0 hand-off ;;
    netty-epoll) set -- $java io.jtwisted.benchmarks.web.NettyGroupWebServer "$WORK/www" epoll "$2" 0 ;;
    netty-nio) set -- $java io.jtwisted.benchmarks.web.NettyGroupWebServer "$WORK/www" nio "$2" 0 ;;
    *) echo "unknown server $1 (jtwisted:N, jtwisted-handoff:N, netty-epoll:N, netty-nio:N)" >&2; exit 2 ;;
  esac
  : >"$WORK/out"
  $PIN_SERVER "$@" >"$WORK/out" 2>&1 &
  SERVER_PID=$!
  i=0
  while ! grep -q '^READY ' "$WORK/out"; do
    i=$((i + 1)); [ $i -gt 1200 ] && { echo "$1 did not start: $(cat "$WORK/out")" >&2; exit 1; }
    sleep 0.05
  done
  PORT=$(sed -n 's/^READY \([0-9]*\).*/\1/p' "$WORK/out")
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/small.html" || { echo "$1 does not serve the file" >&2; exit 1; }
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

ticks() { # pid: user + system clock ticks of that process (all its threads)
  awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0
}

machine() { # "total idle" jiffies of the whole machine
  awk 'NR == 1 { t = 0; for (i = 2; i <= NF; i++) t += $i; print t, $5 + $6 }' /proc/stat
}

echo "group web benchmark: GET 1400-byte file, $CONNECTIONS connections, wrk with $WRK_THREADS threads, ${DURATION}s after ${WARMUP}s of warm-up,"
echo "  $ROUNDS round(s), $(nproc) CPUs${SERVER_CPUS:+, servers on CPUs $SERVER_CPUS}${WRK_CPUS:+, wrk on CPUs $WRK_CPUS}, load average $(cut -d' ' -f1-3 /proc/loadavg)"
HZ=$(getconf CLK_TCK)
NCPU=$(nproc)
RESULTS=""
round=0
while [ $round -lt "$ROUNDS" ]; do
  round=$((round + 1))
  for server in $(echo "$SERVERS" | tr ',' ' '); do
    kind=${server%%:*} threads=${server##*:}
    start_server "$kind" "$threads"
    url="http://127.0.0.1:$PORT/small.html"
    $PIN_WRK wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$url" >/dev/null 2>&1 || true
    before=$(ticks "$SERVER_PID")
    set -- $(machine); m_total=$1 m_idle=$2
    $PIN_WRK wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" "$url" >"$WORK/wrk" 2>&1 &
    WRK_PID=$!
    wrk_ticks=0
    while kill -0 "$WRK_PID" 2>/dev/null; do # wrk's CPU, read just before it exits
      t=$(ticks "$WRK_PID"); [ "$t" -gt 0 ] && wrk_ticks=$t
      sleep 0.2
    done
    wait "$WRK_PID" || true
    after=$(ticks "$SERVER_PID")
    set -- $(machine); m_total=$(($1 - m_total)) m_idle=$(($2 - m_idle))
    stop_server
    line=$(awk -v kind="$kind" -v n="$threads" -v st=$((after - before)) -v wt="$wrk_ticks" -v hz="$HZ" -v d="$DURATION" \
               -v mt="$m_total" -v mi="$m_idle" -v cpus="$NCPU" '
      / requests in / { count = $1 }
      /Requests\/sec/ { rps = $2 }
      /Non-2xx|Socket errors/ { line = $0; gsub(/ +/, "_", line); errors = errors line }
      END { printf "%s %s %.0f %.2f %.2f %.2f %.2f %s\n", kind, n, rps, (count > 0 ? st * 1e6 / hz / count : 0),
                   st / hz / d, wt / hz / d, (mt > 0 ? mi / mt * cpus : 0), (errors == "" ? "-" : errors) }' "$WORK/wrk")
    set -- $line
    printf '  %-18s %9s req/s  server CPU %6s us/req (%s cores)  wrk %s cores  idle %s cores  errors %s\n' \
      "$1:$2" "$3" "$4" "$5" "$6" "$7" "$8"
    RESULTS="$RESULTS$line
"
  done
done
echo
echo "| server | N | req/s | server CPU µs/req | server cores | wrk cores | idle cores |"
echo "|---|---:|---:|---:|---:|---:|---:|"
printf '%s' "$RESULTS" | awk '{ printf "| %s | %s | %\047d | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7 }'
echo
printf '%s' "$RESULTS" | awk '
  { key = $1 ":" $2; if (!(key in best) || $3 > best[key]) best[key] = $3
    if (!(key in cpu) || $4 < cpu[key]) cpu[key] = $4; kinds[$1] = 1; ns[$2] = 1 }
  END {
    for (k in kinds) for (n in ns) if (n != 1 && (k ":" n) in best && (k ":1") in best)
      printf "scaling %s:%s / %s:1 (best req/s of the rounds): %.2fx\n", k, n, k, best[k ":" n] / best[k ":1"]
    for (k in kinds) if (k ~ /^jtwisted/) for (n in ns) for (p in kinds) if (p ~ /^netty/ && (k ":" n) in best && (p ":" n) in best)
      printf "%s / %s at %s: %.2fx req/s, %.2fx per CPU (peer CPU/req / ours, lowest of the rounds)\n", k, p, n,
             best[k ":" n] / best[p ":" n], cpu[p ":" n] / cpu[k ":" n]
  }' | sort
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
