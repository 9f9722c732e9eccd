"""Serve with gunicorn and measure: sequential medians, wrk throughput, worker memory."""

import os
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.client import fetch

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))  # sequential requests, at most …
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))  # … within this time (and wrk's time)
MIN_REQUESTS = 5


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with sync workers on a free loopback port, stopped on exit."""

    def __init__(self, env, app="config.wsgi", workers=2, ready="/admin/login/"):
        # Ready when a page outside the measures answers: the public pages start uncached.
        self.env, self.app, self.workers, self.ready = env, app, workers, ready
        self.port = free_port()
        self.process = None

    def __enter__(self):
        command = [GUNICORN, self.app, "-w", str(self.workers), "-k", "sync"]
        command += ["-b", f"127.0.0.1:{self.port}", "--log-level", "error"]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                fetch(self.port, self.ready)
                return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"gunicorn did not start for {self.app}")

    def __exit__(self, *exc):
        self.process.terminate()
        try:  # workers finish their request first, up to gunicorn's graceful timeout
            self.process.wait(timeout=45)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)

    def worker_rss_mb(self):
        """Return the resident memory of each worker process, in MB."""
        sizes = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == self.process.pid:
                    status = (stat.parent / "status").read_text()
                    sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
            except (OSError, AttributeError, IndexError):
                continue
        return sorted(sizes)


def sequential_median_ms(port, path, headers=None):
    """Return the median of up to REQUESTS sequential requests in SECONDS, after a warm-up."""
    fetch(port, path, headers=headers)
    timings, deadline = [], time.monotonic() + SECONDS
    while len(timings) < REQUESTS and (len(timings) < MIN_REQUESTS or time.monotonic() < deadline):
        start = time.perf_counter()
        fetch(port, path, headers=headers)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def to_ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def throughput(port, path, headers=None):
    """Return (requests/s, problems) from wrk at 32 connections for SECONDS."""
    command = ["wrk", "-t2", "-c32", f"-d{max(1, round(SECONDS))}s", "--timeout", "10s"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    problems = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    notes = [f"{problems.group(1)} non-2xx"] if problems else []
    notes += [errors.group(1)] if errors else []
    return rps, "; ".join(notes)


def query_count(port, path, headers=None):
    """Return the queries a request made, from the header of the bench settings."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("GET", path, headers={"Host": "127.0.0.1", **(headers or {})})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"GET {path} answered {response.status}")
    return int(response.getheader("X-Bench-Queries")), body
