#!/usr/bin/env python
"""Benchmark Relais and print one table (also written to var/bench.md).

For each database of BENCH_DATABASES (default: sqlite,postgres; PostgreSQL is skipped with
a note when BENCH_POSTGRES_URL's server does not answer), a fresh site holds the demo and
stories seeded in bulk up to each size of BENCH_SIZES (default: 1000,10000). At each size,
gunicorn serves the production settings with 2 sync workers, and the benchmark measures
from another process on loopback, for each page of the table:

- cached: anonymous visitor, page cache on: median of sequential requests, then wrk req/s;
- uncached: the same with RELAIS_PAGE_CACHE_SECONDS=0, and the median CPU time of the page
  served in-process (bench/pages.py: steady when the machine is busy, unlike wall times);
- signed-in: the same with the demo ambassador's session cookie, page cache on;
- queries: counted by a header of the bench settings (anonymous / signed-in, first request);

then the memory of each worker, the share of cached pages kept after one story is published
(bench/cache_kept.py) and the seeding time. Once per database: the autosave endpoint. Once:
the minimal Django view (the floor) and the processing of a 30-minute recording (skipped
with BENCH_AUDIO=0), and the import and export of a content pack of 1,000 stories
(bench/packs.py, skipped with BENCH_PACKS=0), and search over 10,000 stories and 50,000
cards next to the raw full-text engine (bench/search.py, skipped with BENCH_SEARCH=0).
BENCH_REQUESTS and BENCH_SECONDS bound each measure. At the largest size, the query plans
of the card ids of each list (bench/explain.py).
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import autosave, cache_kept, table  # noqa: E402
from bench.measure import (  # noqa: E402
    REQUESTS,
    SECONDS,
    Server,
    query_count,
    sequential_median_ms,
    throughput,
)
from bench.site import POSTGRES_URL, Site, postgres_reachable  # noqa: E402

SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "1000,10000").split(",")]
OUTPUT = ROOT / "var" / "bench.md"


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: run `make bench-deps`.")
    started = time.perf_counter()
    backends, notes = databases()
    workdir = Path(tempfile.mkdtemp(prefix="relais-bench-"))
    try:
        floor = measure_floor(Site(backends[0], workdir).env)
        results = {backend: measure_backend(backend, workdir) for backend in backends}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    audio = measure_audio()
    packs = measure_packs()
    search = measure_search(backends)
    minutes = (time.perf_counter() - started) / 60
    report = "\n".join(
        [
            table.render(results, floor, audio, SIZES, packs),
            "",
            *notes,
            *search_lines(search),
            f"Medians: up to {REQUESTS} sequential requests in {SECONDS:g} s after one warm-up. "
            f"req/s: wrk -t2 -c32 -d{round(SECONDS)}s. queries: anonymous / signed-in, page "
            "served a second time with the page cache off. Stage page: « comptoir »; project and "
            "ambassador pages: those with the most stories. gunicorn: 2 sync workers, production "
            "settings. CPU ms: median CPU time of the page served in-process, page cache off.",
            f"Run time: {minutes:.1f} min.",
            "",
            "Query plans of the card ids of each list (bench/explain.py):",
            "",
            *(f"```\n{figures['plans'].rstrip()}\n```" for figures in results.values()),
        ]
    )
    print("\n" + report)
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(report + "\n")
    print(f"\nWritten to {OUTPUT.relative_to(ROOT)}")


def databases():
    """Return the backends to measure and notes on those left out."""
    asked = os.environ.get("BENCH_DATABASES", "sqlite,postgres").split(",")
    if "postgres" in asked and not postgres_reachable():
        if "BENCH_DATABASES" in os.environ:
            sys.exit(f"PostgreSQL does not answer at {POSTGRES_URL} (BENCH_POSTGRES_URL).")
        note = f"PostgreSQL left out: no server answers at {POSTGRES_URL} (BENCH_POSTGRES_URL)."
        return [b for b in asked if b != "postgres"], [note]
    return asked, []


def measure_backend(backend, workdir):
    print(f"== {backend}", flush=True)
    with Site(backend, workdir) as site:
        figures = {"sizes": {}}
        for size in SIZES:
            seeding = site.grow_to(size)
            print(f"   {size} stories ({seeding[0]} seeded in {seeding[1]:.1f} s)", flush=True)
            figures["sizes"][size] = dict(measure_size(site), seeding=seeding)
        figures["autosave"] = measure_autosave(site.env)
        figures["plans"] = query_plans(site.env)
    return figures


def query_plans(env):
    """Return the plans of the card ids of each list, at the largest size."""
    code = "from bench.explain import main; main()"
    result = subprocess.run(  # noqa: S603 - fixed command
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    return result.stdout if result.returncode == 0 else f"explain failed: {result.stderr[-500:]}"


def measure_size(site):
    """Return the figures of every page, worker memory and the cache kept, at this size."""
    found = site.pages()
    named, signed_in = found["named"], {"Cookie": f"sessionid={site.session}"}
    pages = {name: {} for name in named}
    with Server(site.env) as server:
        for name, path in named.items():
            pages[name]["cached"] = attempt(timed, server.port, path)
            pages[name]["signed"] = attempt(timed, server.port, path, signed_in)
        cached_rss = server.worker_rss_mb()
    with Server(dict(site.env, RELAIS_PAGE_CACHE_SECONDS="0")) as server:
        for name, path in named.items():
            pages[name]["uncached"] = attempt(timed, server.port, path)
        uncached_rss = server.worker_rss_mb()
    for name, (_, cpu, _wall) in (attempt(cpu_times, site.env, named) or {}).items():
        pages[name]["cpu"] = cpu
    bench_env = dict(site.env, DJANGO_SETTINGS_MODULE="bench.settings")
    with Server(dict(bench_env, RELAIS_PAGE_CACHE_SECONDS="0"), workers=1) as server:
        for name, path in named.items():
            pages[name]["queries"] = (
                attempt(steady_query_count, server.port, path),
                attempt(steady_query_count, server.port, path, signed_in),
            )
    with Server(bench_env, workers=1) as server:  # one worker: one local page cache
        kept = attempt(
            cache_kept.measure,
            server.port,
            bench_env,
            found["urls"],
            found["target"],
            found["target_url"],
        )
    return {"pages": pages, "rss": (cached_rss, uncached_rss), "kept": kept}


def steady_query_count(port, path, headers=None):
    """Return the queries of a page served again (what is kept per content change is kept)."""
    query_count(port, path, headers)
    return query_count(port, path, headers)[0]


def cpu_times(env, named):
    """Return {page: (queries, median CPU ms, median wall ms)} of each page served in-process."""
    import json

    return script_json(
        "bench/pages.py", json.dumps(named), env=dict(env, RELAIS_PAGE_CACHE_SECONDS="0")
    )


def script_json(script, *args, env=None):
    """Run a benchmark script and return the JSON on the last line it prints."""
    import json

    done = subprocess.run(  # noqa: S603 - fixed command
        [sys.executable, script, *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:  # say why, not only that it failed
        print(done.stderr[-2000:], file=sys.stderr, flush=True)
        done.check_returncode()
    return json.loads(done.stdout.strip().splitlines()[-1])


def timed(port, path, headers=None):
    return (sequential_median_ms(port, path, headers), *throughput(port, path, headers))


def attempt(measure, *args):
    """Return the measure, or None when a request fails or times out (the table says so)."""
    try:
        return measure(*args)
    except (OSError, RuntimeError, subprocess.CalledProcessError) as error:
        print(f"   {measure.__name__}{args[1:2]}: {error!r}", flush=True)
        return None


def measure_floor(env):
    with Server(env, app="bench.minimal_app", ready="/") as server:
        return sequential_median_ms(server.port, "/"), throughput(server.port, "/")[0]


def measure_autosave(env):
    session, testimony, question = autosave.prepare(env)
    with Server(env) as server:
        return autosave.median_ms(server.port, session, testimony, question)


def measure_audio():
    if os.environ.get("BENCH_AUDIO") == "0" or not (
        shutil.which("ffmpeg") and shutil.which("espeak-ng")
    ):
        return None
    return attempt(script_json, "bench/audio_processing.py", "--json")


def measure_packs():
    """Time import_pack and export_pack on 1,000 stories and 100 audio files (bench/packs.py)."""
    if os.environ.get("BENCH_PACKS") == "0" or not shutil.which("ffmpeg"):
        return None
    return attempt(script_json, "bench/packs.py", "--json")


def measure_search(backends):
    """Time search() and the raw engine on 10,000 stories and 50,000 cards (bench/search.py)."""
    if os.environ.get("BENCH_SEARCH") == "0":
        return None
    return attempt(script_json, "bench/search.py", "--json", *backends)


def search_lines(figures):
    from bench.search import lines

    return [
        f"Search ({table.BACKENDS[backend]}, bench/search.py): {lines(one)}."
        for backend, one in (figures or {}).items()
    ] + ([""] if figures else [])


if __name__ == "__main__":
    main()
