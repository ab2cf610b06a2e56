"""The idle-connections benchmark of benchmarks/idle.sh.

  idle.py JAVA JAR COUNT KIND...

For each KIND of IdleServer (jtwisted, netty-nio, nio), in one run: starts the server pinned to
core 0, measures its heap (after full collections), opens COUNT connections to it from core 1 and
keeps them open, measures the time until the server holds them all (the accept rate of a COUNT-strong
burst), its heap and descriptors again, then closes them and stops it. Prints one line per server
and the heap per connection beyond bare JDK NIO's when "nio" was measured.
"""
import os
import resource
import socket
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
    java, jar, count, kinds = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < count + 100:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 1000), hard))
    os.sched_setaffinity(0, {1})
    results = [measure(java, jar, count, kind) for kind in kinds]
    print("%-10s %12s %12s %12s %14s %10s" % ("server", "open conn/s", "heap before", "heap held", "bytes per conn", "new fds"))
    for r in results:
        print("%-10s %12.0f %11.1fM %11.1fM %14.0f %10d" % (
            r["kind"], r["rate"], r["base"] / 2**20, r["held"] / 2**20, r["per"], r["fds"]))
    by_kind = {r["kind"]: r for r in results}
    if "nio" in by_kind:
        for r in results:
            if r["kind"] != "nio":
                print("%s: %.0f bytes per connection beyond bare JDK NIO's" % (r["kind"], r["per"] - by_kind["nio"]["per"]))
    if "jtwisted" in by_kind and "netty-nio" in by_kind:
        j, n = by_kind["jtwisted"], by_kind["netty-nio"]
        print("jtwisted / netty-nio: accept rate %.2fx, heap per connection %.2fx" % (j["rate"] / n["rate"], j["per"] / n["per"]))


if __name__ == "__main__":
    main()
