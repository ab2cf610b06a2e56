#!/bin/sh
# The static-file benchmark: JTwisted's Site(File(dir)) against nginx (one worker, sendfile on,
# access log off), a Netty static-file server (one event loop) and the real Twisted (twist web
# --path). Each server is pinned to CPU 0 with taskset, wrk to CPU 1, one server at a time:
#   small file: 1.4 KB, 64 connections, keep-alive -> requests/s
#   large file: 1 MiB, 16 connections             -> MiB/s
# Usage: benchmarks/web.sh [--duration 10] [--warmup 3] [--servers jtwisted,nginx,netty,twisted]
#   "nginx" sets tcp_nopush on (TCP_CORK around each response); "nginx-nopush" is the same nginx with
#   its default, tcp_nopush off. On loopback the cork moves the kernel's transmit and receive work of
#   a large body from the client's core to the server's (docs/benchmarks.md, "Large files and TCP_CORK"),
#   so both are offered. "client CPU" is wrk's own CPU per request or per MiB.
#   A server "jtwisted@JAR" (or "netty@JAR") runs that server from another benchmarks.jar, e.g. a
#   build of an older commit, so that two builds are compared in one run:
#   --servers jtwisted@/tmp/old-benchmarks.jar,jtwisted,netty
# Needs: wrk, nginx (apt-get install -y wrk nginx-light), taskset, python3 with Twisted for "twisted".
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bin/find-jdk.sh"
DURATION=10 WARMUP=3 SERVERS=jtwisted,nginx,netty,twisted
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --servers) SERVERS=$2; shift 2 ;;
    --help|-h) sed -n '2,/^set -eu/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
for tool in wrk taskset; do
  command -v $tool >/dev/null || { echo "$tool is not installed (apt-get install -y wrk util-linux)" >&2; exit 1; }
done
JAR="$ROOT/benchmarks/target/benchmarks.jar"
stale=$(find "$ROOT/core/src/main" "$ROOT/web/src/main" "$ROOT/benchmarks/src/main" -newer "$JAR" -type f 2>/dev/null | head -1 || true)
uses_jar=$(echo "$SERVERS" | tr ',' '\n' | grep -cxE 'jtwisted|netty' || true)
if [ "$uses_jar" -gt 0 ] && { [ ! -f "$JAR" ] || [ -n "$stale" ]; }; then
  (cd "$ROOT" && ./mvnw -q -B -o -pl benchmarks -am package -DskipTests 2>/dev/null ||
   ./mvnw -q -B -pl benchmarks -am package -DskipTests) >&2
fi
PYTHON=
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import twisted' 2>/dev/null; then PYTHON=$candidate; break; fi
done

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
chmod 755 "$WORK"  # nginx workers run as another user: they must be able to read the files
mkdir "$WORK/www"
head -c 1400 /dev/urandom | base64 -w 76 | head -c 1400 > "$WORK/www/small.html"
head -c 1048576 /dev/urandom > "$WORK/www/large.bin"
chmod 644 "$WORK/www/small.html" "$WORK/www/large.bin"

free_port() {
  "${PYTHON:-python3}" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

wait_ready() { # port
  i=0
  while ! curl -s -o /dev/null "http://127.0.0.1:$1/small.html"; do
    i=$((i + 1)); [ $i -gt 200 ] && { echo "server on $1 did not start" >&2; return 1; }
    sleep 0.05
  done
}

start_server() { # name[@jar] port
  jar=$JAR
  case "$1" in *@*) jar=${1#*@} ;; esac
  case "$1" in
    jtwisted|jtwisted@*) taskset -c 0 "$JAVA_HOME/bin/java" -cp "$jar" io.jtwisted.benchmarks.web.JTwistedWebServer "$WORK/www" "$2" >"$WORK/out" 2>&1 & ;;
    netty|netty@*) taskset -c 0 "$JAVA_HOME/bin/java" -cp "$jar" io.jtwisted.benchmarks.web.NettyStaticFileServer "$WORK/www" "$2" >"$WORK/out" 2>&1 & ;;
    twisted) taskset -c 0 "$PYTHON" -m twisted web --path "$WORK/www" --listen "tcp:$2:interface=127.0.0.1" >/dev/null 2>&1 & ;;
    nginx|nginx-nopush)
      nopush=on
      [ "$1" = nginx-nopush ] && nopush=off
      cat >"$WORK/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush $nopush;
  keepalive_requests 100000000;
  default_type application/octet-stream;
  types { text/html html; }
  server { listen 127.0.0.1:$2; root $WORK/www; }
}
CONF
      taskset -c 0 nginx -c "$WORK/nginx.conf" >"$WORK/out" 2>&1 & ;;
  esac
  SERVER_PID=$!
  wait_ready "$2"
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

cpu_ticks() { # the user + system clock ticks of the server and its children (nginx's worker)
  total=0
  for p in $SERVER_PID $(pgrep -P "$SERVER_PID" 2>/dev/null); do
    t=$(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0)
    total=$((total + t))
  done
  echo $total
}

children_seconds() { # file written by `times` -> user + system seconds of the shell's finished children
  awk 'NR == 2 { total = 0; for (i = 1; i <= 2; i++) { t = $i; sub(/s$/, "", t); split(t, mm, "m"); total += mm[1] * 60 + mm[2] }; print total }' "$1"
}

run_wrk() { # connections url -> prints "requests/s MiB/s errors µs-CPU-per-request µs-client-CPU-per-request" (wrk's units are 1024-based)
  taskset -c 1 wrk -t1 -c"$1" -d"${WARMUP}s" "$2" >/dev/null 2>&1 || true
  before=$(cpu_ticks)
  times >"$WORK/times-before" # in this shell, not a subshell: a subshell's children start from zero
  taskset -c 1 wrk -t1 -c"$1" -d"${DURATION}s" "$2" >"$WORK/wrk" 2>&1 || true
  after=$(cpu_ticks)
  times >"$WORK/times-after"
  awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" \
      -v client="$(children_seconds "$WORK/times-before") $(children_seconds "$WORK/times-after")" '
    / requests in / { n = $1 }
    /Requests\/sec/ { rps = $2 }
    /Transfer\/sec/ { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[A-Za-z]+/, "", v);
                      f = (u == "GB") ? 1024 : (u == "MB") ? 1 : (u == "KB") ? 1 / 1024 : 1 / 1048576; mib = v * f }
    /Non-2xx|Socket errors/ { line = $0; gsub(/ +/, "_", line); errors = errors line }
    END { split(client, c, " ");
          printf "%s %.1f %s %.1f %.1f\n", rps, mib, (errors == "" ? "-" : "ERRORS:" errors), (n > 0 ? ticks * 1e6 / hz / n : 0),
                 (n > 0 ? (c[2] - c[1]) * 1e6 / n : 0) }' "$WORK/wrk"
}

echo "small: 1400 B, 64 connections; large: 1 MiB, 16 connections; ${DURATION}s each after ${WARMUP}s of warm-up"
echo "CPU = server user+system CPU time per request (µs), children included; client = wrk's"
echo "server         small req/s  CPU µs/req  client µs/req   large MiB/s  CPU µs/MiB  client µs/MiB   errors"
RESULTS=""
for name in $(echo "$SERVERS" | tr ',' ' '); do
  if [ "$name" = twisted ] && [ -z "$PYTHON" ]; then echo "twisted: skipped (python3 with Twisted not found)"; continue; fi
  if [ "${name%-nopush}" = nginx ] && ! command -v nginx >/dev/null; then echo "nginx: skipped (not installed)"; continue; fi
  case "$name" in *@*) [ -f "${name#*@}" ] || { echo "$name: no such jar" >&2; exit 2; } ;; esac
  port=$(free_port)
  start_server "$name" "$port"
  set -- $(run_wrk 64 "http://127.0.0.1:$port/small.html"); small=$1 small_errors=$3 small_cpu=$4 small_client=$5
  set -- $(run_wrk 16 "http://127.0.0.1:$port/large.bin"); large=$2 large_errors=$3 large_cpu=$4 large_client=$5
  stop_server
  printf '%-14s %11s %11s %14s   %11s %11s %14s   %s %s\n' "$name" "$small" "$small_cpu" "$small_client" \
    "$large" "$large_cpu" "$large_client" "$small_errors" "$large_errors"
  RESULTS="$RESULTS$name $small $large $small_cpu $large_cpu $large_client
"
done
# The reference is "jtwisted" (this tree's build), else the first jtwisted@JAR.
REF=$(echo "$SERVERS" | tr ',' '\n' | grep -x jtwisted || echo "$SERVERS" | tr ',' '\n' | grep '^jtwisted@' | head -1 || true)
printf '%s' "$RESULTS" | awk -v ref="$REF" '
  { name[NR]=$1; s[NR]=$2; l[NR]=$3; sc[NR]=$4; lc[NR]=$5; lt[NR]=$5+$6
    if ($1==ref) { js=$2; jl=$3; jsc=$4; jlc=$5; jlt=$5+$6 } }
  END { if (js == "") exit; print ""; print ref " relative to each peer (" ref " / peer; per CPU: peer CPU / " ref " CPU;";
        print "  both CPUs: the same with server and client CPU added, since on loopback a server may take the";
        print "  kernel'"'"'s receive work off the client, as a corked sendfile does):";
        for (i = 1; i <= NR; i++) if (name[i] != ref && s[i] > 0 && l[i] > 0)
          printf "  vs %-12s small %.2fx (per CPU %.2fx)   large %.2fx (per CPU %.2fx, both CPUs %.2fx)\n", name[i],
                 js / s[i], (jsc > 0 ? sc[i] / jsc : 0), jl / l[i], (jlc > 0 ? lc[i] / jlc : 0),
                 (jlt > 0 ? lt[i] / jlt : 0) }'
