"""The idle-connections benchmark of benchmarks/idle.sh.

  idle.py JAVA JAR COUNT ROUNDS KIND...

ROUNDS times, for each KIND of IdleServer (jtwisted, netty-nio, nio; the order alternates from round
to round), in one run: starts the server pinned to
core 0, measures its heap (after full collections), opens COUNT connections to it from core 1 and
keeps them open, measures the time until the server holds them all (the accept rate of a COUNT-strong
burst), its heap and descriptors again, then closes them and stops it. Prints one line per server
measurement, then the medians per server, the heap per connection beyond bare JDK NIO's when "nio"
was measured, and the JTwisted / Netty ratios of the medians.
"""
import os
import resource
import socket
import statistics
import subprocess
import sys
import time


def ask(server, command):
    server.stdin.write(command + "\n")
    server.stdin.flush()
    answer = server.stdout.readline().split()
    if not answer or answer[0] != command:
        raise SystemExit("server answered %r to %s" % (answer, command))
    return int(answer[1])


def measure(java, jar, count, kind):
    server = subprocess.Popen(
        ["taskset", "-c", "0", java, "-Xms1g", "-Xmx1g", "-cp", jar,
         "io.jtwisted.benchmarks.reliability.IdleServer", kind],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        ready = server.stdout.readline().split()
        if not ready or ready[0] != "READY":
            raise SystemExit("%s did not start" % kind)
        port = int(ready[1])
        base = ask(server, "HEAP")
        base_fds = ask(server, "FDS")
        sockets = []
        started = time.monotonic()
        for _ in range(count):
            sockets.append(socket.create_connection(("127.0.0.1", port)))
        while ask(server, "COUNT") < count:
            time.sleep(0.01)
        elapsed = time.monotonic() - started
        held = ask(server, "HEAP")
        fds = ask(server, "FDS")
        for s in sockets:
            s.close()
        server.stdin.write("QUIT\n")
        server.stdin.flush()
        server.wait(30)
        return {"kind": kind, "rate": count / elapsed, "base": base, "held": held,
                "per": (held - base) / count, "fds": fds - base_fds}
    finally:
        if server.poll() is None:
            server.kill()


def main():
    java, jar, count, rounds, kinds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5:]
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < count + 100:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 1000), hard))
    os.sched_setaffinity(0, {1})
    print("%-10s %12s %12s %12s %14s %10s" % ("server", "open conn/s", "heap before", "heap held", "bytes per conn", "new fds"))
    results = []
    for round_number in range(rounds):
        for kind in (kinds if round_number % 2 == 0 else list(reversed(kinds))):
            r = measure(java, jar, count, kind)
            results.append(r)
            print("%-10s %12.0f %11.1fM %11.1fM %14.0f %10d" % (
                r["kind"], r["rate"], r["base"] / 2**20, r["held"] / 2**20, r["per"], r["fds"]), flush=True)
    by_kind = {}
    for kind in kinds:
        mine = [r for r in results if r["kind"] == kind]
        by_kind[kind] = {"kind": kind, "rate": statistics.median(r["rate"] for r in mine),
                         "per": statistics.median(r["per"] for r in mine)}
        print("median %-10s %8.0f conn/s %8.0f bytes per connection" % (kind, by_kind[kind]["rate"], by_kind[kind]["per"]))
    results = list(by_kind.values())
    if "nio" in by_kind:
        for r in results:
            if r["kind"] != "nio":
                print("%s: %.0f bytes per connection beyond bare JDK NIO's" % (r["kind"], r["per"] - by_kind["nio"]["per"]))
    if "jtwisted" in by_kind and "netty-nio" in by_kind:
        j, n = by_kind["jtwisted"], by_kind["netty-nio"]
        print("jtwisted / netty-nio: accept rate %.2fx, heap per connection %.2fx" % (j["rate"] / n["rate"], j["per"] / n["per"]))


if __name__ == "__main__":
    main()
