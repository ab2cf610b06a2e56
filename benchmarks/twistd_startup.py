#!/usr/bin/python3
"""Time from `bin/twistd -noy examples/tac/echo.java` to its first log line and to listening.

    python3 benchmarks/twistd_startup.py [RUNS]

Builds nothing: run `bin/twistd --version` once first so the build and the compile cache are warm.
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
first, listening = [], []
with tempfile.TemporaryDirectory() as cwd:
    for _ in range(runs + 1):  # the first run fills the compile cache and is not counted
        start = time.monotonic()
        p = subprocess.Popen([os.path.join(ROOT, "bin/twistd"), "--pidfile", "", "-noy",
                              os.path.join(ROOT, "examples/tac/echo.java")],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=cwd)
        p.stdout.readline()
        t_first = time.monotonic() - start
        while b" starting on " not in p.stdout.readline():
            pass
        t_listen = time.monotonic() - start
        p.send_signal(signal.SIGTERM)
        p.wait()
        first.append(t_first)
        listening.append(t_listen)
first, listening = first[1:], listening[1:]
print("first log line: median %.3f s (min %.3f, max %.3f); listening: median %.3f s, over %d runs"
      % (statistics.median(first), min(first), max(first), statistics.median(listening), runs))
