#!/bin/sh
# Runs server.py in each MODE given (see its docstring) on a 1 MiB file, pinned to CPU 0, with wrk
# (16 connections, keep-alive) on CPU 1, and prints MiB/s and server CPU for each, in one run.
# Usage: benchmarks/sendfile-head/run.sh [--duration 8] plain cork corkbody prefix:65536 ...
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DURATION=8
if [ "${1:-}" = --duration ]; then DURATION=$2; shift 2; fi
[ $# -gt 0 ] || set -- plain cork corkbody nodelay sndbuf:4194304 prefix:4096 prefix:16384 prefix:65536
PYTHON=/usr/bin/python3; [ -x $PYTHON ] || PYTHON=python3
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
head -c 1048576 /dev/urandom > "$WORK/large.bin"
HZ=$(getconf CLK_TCK)
printf '%-16s %10s %12s  %s\n' mode MiB/s "server CPU" "sendfile calls"
for mode in "$@"; do
  port=$($PYTHON -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  taskset -c 0 $PYTHON "$HERE/server.py" "$port" "$WORK/large.bin" "$mode" > "$WORK/out" 2> "$WORK/err" &
  pid=$!
  until grep -q READY "$WORK/out" 2>/dev/null; do sleep 0.1; done
  taskset -c 1 wrk -t1 -c16 -d3s "http://127.0.0.1:$port/" > /dev/null  # warm-up
  before=$(awk '{print $14 + $15}' /proc/$pid/stat)
  result=$(taskset -c 1 wrk -t1 -c16 -d${DURATION}s "http://127.0.0.1:$port/")
  after=$(awk '{print $14 + $15}' /proc/$pid/stat)
  kill -TERM $pid; wait $pid || true
  mib=$(echo "$result" | awk '/Transfer\/sec/ { v = $2; if (v ~ /GB/) { sub("GB", "", v); v *= 1024 } else sub("MB", "", v); print v }')
  cpu=$(awk -v t=$((after - before)) -v hz="$HZ" -v d="$DURATION" 'BEGIN { printf "%.0f%%", 100 * t / hz / d }')
  printf '%-16s %10s %12s  %s\n' "$mode" "$mib" "$cpu" "$(cat "$WORK/err")"
done
