"""The soak of benchmarks/soak.sh.

  soak.py JAVA JAR SECONDS [CLIENTS]

SoakServer (pinned to core 0: echo, an idle timeout per connection, timer churn) runs for SECONDS
under mixed load from core 1: CLIENTS (16 by default) clients echoing 64-byte messages one at a
time, and a churn of
connect/close at about 200 connections a second. Every SECONDS/20 (at least 5 s) the churn pauses
until its connections are gone and the server's heap (after full collections), descriptors,
threads, connections and CPU are sampled. At the end the
first sample after the warm-up (a tenth of the run) is compared with the last, then the server is
sent SIGTERM while the clients still echo: it must exit promptly, every client seeing its
connection end.
"""
import os
import signal
import socket
import subprocess
import sys
import threading
import time

CHURN_PER_SECOND = 200


def ask(server, command):
    server.stdin.write(command + "\n")
    server.stdin.flush()
    answer = server.stdout.readline().split()
    if not answer or answer[0] != command:
        raise SystemExit("server answered %r to %s" % (answer, command))
    return int(answer[1])


class Echoer(threading.Thread):
    def __init__(self, port, stop):
        super().__init__(daemon=True)
        self.port, self.stop, self.round_trips, self.end = port, stop, 0, None

    def run(self):
        message = b"x" * 64
        try:
            s = socket.create_connection(("127.0.0.1", self.port))
            s.settimeout(30)
            while True:
                s.sendall(message)
                got = b""
                while len(got) < 64:
                    chunk = s.recv(64 - len(got))
                    if not chunk:
                        self.end = "end of stream"
                        return
                    got += chunk
                if got != message:
                    self.end = "WRONG ANSWER"
                    return
                self.round_trips += 1
        except socket.timeout:
            self.end = "HUNG"
        except OSError as e:
            self.end = "closed (%s)" % e.strerror


class Churn(threading.Thread):
    def __init__(self, port, stop):
        super().__init__(daemon=True)
        self.port, self.stop, self.count, self.errors = port, stop, 0, 0
        self.running = threading.Event()
        self.running.set()

    def run(self):
        while not self.stop.is_set():
            self.running.wait()
            started = time.monotonic()
            try:
                socket.create_connection(("127.0.0.1", self.port)).close()
                self.count += 1
            except OSError:
                self.errors += 1
            time.sleep(max(0.0, 1.0 / CHURN_PER_SECOND - (time.monotonic() - started)))


def main():
    java, jar, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    clients = int(sys.argv[4]) if len(sys.argv) > 4 else 16
    os.sched_setaffinity(0, {1})
    server = subprocess.Popen(
        ["taskset", "-c", "0", java, "-Xms256m", "-Xmx256m", "-cp", jar, "io.jtwisted.benchmarks.reliability.SoakServer"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    stop = threading.Event()
    try:
        port = int(server.stdout.readline().split()[1])
        echoers = [Echoer(port, stop) for _ in range(clients)]
        churn = Churn(port, stop)
        for t in echoers + [churn]:
            t.start()
        interval = max(5, seconds // 20)
        warm_up = max(interval, seconds // 10)
        started = time.monotonic()
        samples = []
        print("%7s %9s %5s %8s %6s %8s %11s %9s" % ("t (s)", "heap MiB", "fds", "threads", "conns", "cpu s", "round trips", "churned"))
        while True:
            elapsed = time.monotonic() - started
            if elapsed >= seconds:
                break
            time.sleep(min(interval, seconds - elapsed))
            # Sample with the churn paused and its connections gone, so that descriptors compare.
            churn.running.clear()
            settle = time.monotonic() + 5
            while ask(server, "COUNT") > clients and time.monotonic() < settle:
                time.sleep(0.01)
            sample = {"t": time.monotonic() - started, "heap": ask(server, "HEAP"), "fds": ask(server, "FDS"),
                      "threads": ask(server, "THREADS"), "conns": ask(server, "COUNT"), "cpu": ask(server, "CPU"),
                      "trips": sum(e.round_trips for e in echoers), "churned": churn.count}
            churn.running.set()
            samples.append(sample)
            print("%7.0f %9.2f %5d %8d %6d %8.1f %11d %9d" % (sample["t"], sample["heap"] / 2**20, sample["fds"], sample["threads"],
                                                          sample["conns"], sample["cpu"] / 1000, sample["trips"], sample["churned"]), flush=True)
        first = next(s for s in samples if s["t"] >= warm_up)
        last = samples[-1]
        stop.set()
        churn.join(10)
        # Descriptors not held by a connection: the listening socket, the selector, the JVM's own.
        idle_fds_first = first["fds"] - first["conns"]
        idle_fds_last = last["fds"] - last["conns"]
        heap_growth = last["heap"] - first["heap"]
        print("from t=%.0f s to t=%.0f s: heap %+.2f MiB, descriptors beyond connections %d -> %d, threads %d -> %d" % (
            first["t"], last["t"], heap_growth / 2**20, idle_fds_first, idle_fds_last, first["threads"], last["threads"]))
        print("echo round trips %d, connections churned %d (%d refused or failed), echo clients still running %d of %d" % (
            last["trips"], churn.count, churn.errors, sum(1 for e in echoers if e.end is None), clients))
        flat = heap_growth < 2 * 2**20 and idle_fds_last <= idle_fds_first and last["threads"] <= first["threads"]
        sigterm = time.monotonic()
        server.send_signal(signal.SIGTERM)
        server.wait(30)
        exit_s = time.monotonic() - sigterm
        for e in echoers:
            e.join(30)
        ends = {}
        for e in echoers:
            ends[e.end] = ends.get(e.end, 0) + 1
        print("SIGTERM during the echo: server exited in %.2f s with status %d; the clients saw: %s" % (
            exit_s, server.returncode, ", ".join("%d %s" % (n, why) for why, n in sorted(ends.items(), key=str))))
        bad = [why for why in ends if why is None or why in ("HUNG", "WRONG ANSWER")]
        print("verdict: %s" % ("flat, clean stop" if flat and not bad and exit_s < 10 else "NOT FLAT OR NOT CLEAN"))
    finally:
        stop.set()
        if server.poll() is None:
            server.kill()


if __name__ == "__main__":
    main()
