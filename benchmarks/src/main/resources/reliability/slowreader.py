"""The slow-reader benchmark of benchmarks/slowreader.sh.

  slowreader.py JAVA JAR BYTES SLOW_SECONDS

BulkServer (pinned to core 0) sends BYTES to every connection through a producer. From core 1:
  1. a fast reader alone reads its BYTES (its speed alone);
  2. a slow reader connects and reads 10 KiB/s; meanwhile a second fast reader reads its BYTES
     (its speed beside the slow one);
  3. the slow reader keeps reading 10 KiB/s for SLOW_SECONDS while the server's heap is sampled
     (after full collections) every few seconds: it must stay flat;
  4. the slow reader then reads the rest of its BYTES at full speed: everything arrives.
"""
import os
import socket
import subprocess
import sys
import threading
import time

SLOW_RATE = 10 * 1024


def ask(server, command):
    server.stdin.write(command + "\n")
    server.stdin.flush()
    answer = server.stdout.readline().split()
    if not answer or answer[0] != command:
        raise SystemExit("server answered %r to %s" % (answer, command))
    return int(answer[1])


def read_all(port):
    s = socket.create_connection(("127.0.0.1", port))
    buffer = bytearray(1 << 20)
    total = 0
    started = time.monotonic()
    while True:
        n = s.recv_into(buffer)
        if n == 0:
            break
        total += n
    elapsed = time.monotonic() - started
    s.close()
    return total, elapsed


class SlowReader(threading.Thread):
    def __init__(self, port):
        super().__init__(daemon=True)
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16 * 1024)
        self.total = 0
        self.fast = threading.Event()

    def run(self):
        buffer = bytearray(1 << 20)
        while True:
            if self.fast.is_set():
                n = self.sock.recv_into(buffer)
            else:
                n = self.sock.recv_into(buffer, 1024)
                time.sleep(1024 / SLOW_RATE)
            if n == 0:
                break
            self.total += n
        self.sock.close()


def main():
    java, jar, size, slow_seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    os.sched_setaffinity(0, {1})
    server = subprocess.Popen(
        ["taskset", "-c", "0", java, "-Xms512m", "-Xmx512m", "-cp", jar, "io.jtwisted.benchmarks.reliability.BulkServer",
         str(size)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        ready = server.stdout.readline().split()
        port = int(ready[1])
        base = ask(server, "HEAP")
        alone, alone_s = read_all(port)
        after_fast = ask(server, "HEAP")
        slow = SlowReader(port)
        slow.start()
        beside, beside_s = read_all(port)
        samples = []
        started = time.monotonic()
        while time.monotonic() - started < slow_seconds:
            samples.append(ask(server, "HEAP"))
            time.sleep(max(1.0, slow_seconds / 6))
        slowly = slow.total
        slow.fast.set()
        slow.join(600)
        end = ask(server, "HEAP")
        mib = 2 ** 20
        print("bytes per connection: %d (%.0f MiB)" % (size, size / mib))
        print("fast reader alone:             %8.1f MiB/s (%d bytes)" % (alone / alone_s / mib, alone))
        print("fast reader beside slow one:   %8.1f MiB/s (%d bytes); ratio to alone %.2f" % (
            beside / beside_s / mib, beside, (beside / beside_s) / (alone / alone_s)))
        print("slow reader: %d bytes at 10 KiB/s over the run, then all %d bytes: %s" % (
            slowly, slow.total, "complete" if slow.total == size else "INCOMPLETE"))
        print("server heap after full GCs, MiB: start %.1f, after the first fast reader %.1f, while the slow one reads %s, at the end %.1f" % (
            base / mib, after_fast / mib, " ".join("%.1f" % (s / mib) for s in samples), end / mib))
        print("heap growth while the slow reader held its connection: %.0f KiB (max sample - start)" % ((max(samples) - base) / 1024))
    finally:
        server.stdin.write("QUIT\n")
        server.stdin.flush()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
