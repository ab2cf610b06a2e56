#!/usr/bin/python3
"""Time from `bin/twistd -noy examples/tac/echo.java` to its first log line and to listening, and the same
for the real Twisted's twistd running the same echo application as a .tac file, in the same run.

    python3 benchmarks/twistd_startup.py [RUNS]

Builds nothing: run `bin/twistd --version` once first so the build is there.
"""
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
env = dict(os.environ, ECHO_PORT="17099", JTWISTD_NO_BUILD="1")

ECHO_TAC = """
from twisted.application import internet, service
from twisted.internet.protocol import Protocol, Factory
class Echo(Protocol):
    def dataReceived(self, data):
        self.transport.write(data)
application = service.Application("echo")
internet.TCPServer(17099, Factory.forProtocol(Echo)).setServiceParent(application)
"""


def measure(command, cwd, listening_marker):
    first, listening = [], []
    for _ in range(runs + 1):  # the first run fills caches and is not counted
        start = time.monotonic()
        p = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=cwd)
        p.stdout.readline()
        first.append(time.monotonic() - start)
        while listening_marker not in p.stdout.readline():
            pass
        listening.append(time.monotonic() - start)
        p.send_signal(signal.SIGTERM)
        p.wait()
    return first[1:], listening[1:]


with tempfile.TemporaryDirectory() as cwd:
    with open(os.path.join(cwd, "echo.tac"), "w") as tac:
        tac.write(ECHO_TAC)
    results = {
        "JTwisted bin/twistd": measure([os.path.join(ROOT, "bin/twistd"), "--pidfile", "", "-noy",
                                        os.path.join(ROOT, "examples/tac/echo.java")], cwd, b" starting on "),
        "Twisted twistd": measure(["/usr/bin/python3", "-c", "from twisted.scripts.twistd import run; run()",
                                   "--pidfile", "", "-noy", "echo.tac"], cwd, b" starting on "),
    }
for name, (first, listening) in results.items():
    print("%-20s first log line: median %.3f s (min %.3f, max %.3f); listening: median %.3f s; %d runs"
          % (name, statistics.median(first), min(first), max(first), statistics.median(listening), runs))
j = statistics.median(results["JTwisted bin/twistd"][1])
t = statistics.median(results["Twisted twistd"][1])
print("time to listening, JTwisted / Twisted: %.2f" % (j / t))
