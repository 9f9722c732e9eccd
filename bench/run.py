#!/usr/bin/env python
"""Benchmark Relais' public pages: 1,000 stories, SQLite, gunicorn with 2 sync workers.

(a) median time of 100 sequential requests, (b) wrk at 32 connections for 10 s.
A minimal Django view (30 KB) is measured in the same run for a side-by-side ratio.
"""

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import autosave  # noqa: E402
from bench.client import django_shell, fetch  # noqa: E402

PY = sys.executable
GUNICORN = str(Path(PY).with_name("gunicorn"))
SEQUENTIAL = 100
WRK = ["wrk", "-t2", "-c32", "-d10s", "--latency"]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(workdir):
    """Return the environment of a fresh SQLite site holding the demo plus 1,000 stories."""
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="bench-" + "k" * 60,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{workdir}/bench.sqlite3",
        MEDIA_ROOT=str(workdir / "media"),
        STATIC_ROOT=str(workdir / "static"),
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="ERROR",
    )
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    manage(env, "load_demo")
    subprocess.run([PY, "bench/seed_stories.py", "1000"], cwd=ROOT, env=env, check=True)
    return env


def serve(app, env, port):
    command = [
        GUNICORN,
        app,
        "-w",
        "2",
        "-k",
        "sync",
        "-b",
        f"127.0.0.1:{port}",
        "--log-level",
        "error",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    for _ in range(100):
        try:
            fetch(port, "/")
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError(f"gunicorn did not start for {app}")


def sequential_median_ms(port, path):
    fetch(port, path)  # warm-up (renditions, caches)
    timings = []
    for _ in range(SEQUENTIAL):
        start = time.perf_counter()
        fetch(port, path)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def to_ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def load_test(port, path):
    """Return (requests/s, p50 ms, p99 ms, non-2xx) from wrk at 32 connections for 10 s."""
    out = subprocess.run(
        [*WRK, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = to_ms(*re.search(r"50%\s+([\d.]+)(us|ms|s)", out).groups())
    p99 = to_ms(*re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups())
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, p50, p99, int(errors.group(1)) if errors else 0


def measure(app, env, paths, with_load=True):
    port = free_port()
    process = serve(app, env, port)
    try:
        return {
            name: (sequential_median_ms(port, path), *(load_test(port, path) if with_load else ()))
            for name, path in paths.items()
        }
    finally:
        process.terminate()
        process.wait(timeout=30)


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: run `make bench-deps`.")
    workdir = Path(tempfile.mkdtemp(prefix="relais-bench-"))
    env = prepare(workdir)
    paths = {
        "home": "/",
        "listing ?etape=comptoir&theme=culture": "/histoires/?etape=comptoir&theme=culture",
        "story detail (audio)": "/histoires/" + story_slug(env) + "/",
    }
    cached = measure("config.wsgi", env, paths)
    uncached = measure("config.wsgi", dict(env, RELAIS_PAGE_CACHE_SECONDS="0"), paths, False)
    reference = measure("bench.minimal_app", env, {"minimal": "/"})["minimal"]
    autosave_ms = measure_autosave(env)
    print_table(cached, uncached, reference)
    print(
        f"\nautosave endpoint (contributor space): median {autosave_ms:.2f} ms over "
        f"{autosave.REQUESTS} sequential saves (target <= 30 ms)\n"
    )
    subprocess.run([PY, "bench/audio_processing.py"], cwd=ROOT, check=True)
    shutil.rmtree(workdir, ignore_errors=True)


def measure_autosave(env):
    session, testimony, question = autosave.prepare(env)
    port = free_port()
    process = serve("config.wsgi", env, port)
    try:
        return autosave.median_ms(port, session, testimony, question)
    finally:
        process.terminate()
        process.wait(timeout=30)


def story_slug(env):
    code = (
        "from relais.stories.models import StoryPage;"
        "print(StoryPage.objects.live()"
        ".filter(has_audio=True, title__startswith='Histoire de banc').first().slug)"
    )
    return django_shell(env, code)


def print_table(cached, uncached, reference):
    ref_median, ref_rps = reference[0], reference[1]
    header = (
        f"{'page (1,000 stories, SQLite, 2 sync workers)':<42} {'median ms':>9} "
        f"{'uncached':>9} {'req/s@32':>9} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6} "
        f"{'median/min':>10} {'rps/min':>8}"
    )
    print("\n" + header + "\n" + "-" * len(header))
    for name, (median, rps, p50, p99, errors) in cached.items():
        print(
            f"{name:<42} {median:>9.2f} {uncached[name][0]:>9.2f} {rps:>9.0f} {p50:>7.2f} "
            f"{p99:>7.2f} {errors:>6} {median / ref_median:>10.2f} {rps / ref_rps:>8.2f}"
        )
    median, rps, p50, p99, errors = reference
    print(
        f"{'reference: minimal Django view, 30 KB':<42} {median:>9.2f} {'':>9} {rps:>9.0f} "
        f"{p50:>7.2f} {p99:>7.2f} {errors:>6} {1:>10.2f} {1:>8.2f}"
    )
    print(
        "\nmedian = 100 sequential requests after one warm-up; uncached = same with "
        "RELAIS_PAGE_CACHE_SECONDS=0; req/s, p50, p99 = wrk -t2 -c32 -d10s."
    )


if __name__ == "__main__":
    main()
