"""Run the soak on each backend, print one table, exit 1 if a promise is broken.

Environment: SOAK_SECONDS (600), SOAK_BACKENDS ("sqlite,postgres"), SOAK_STORIES (1000),
SOAK_VISITORS (50), SOAK_AMBASSADORS (10), SOAK_WORKERS (3), SOAK_WORKER_CLASS ("sync"),
SOAK_THINK_SECONDS (1.5, a visitor's mean pause between pages), SOAK_WARM_UP_SECONDS (60,
before the first memory sample; half of SOAK_SECONDS if shorter), SOAK_PORT (a free port),
SOAK_CACHE_URL (redis://127.0.0.1:6379/12; emptied, with the next database),
SOAK_POSTGRES_URL (postgres://postgres@127.0.0.1:5432/postgres, to create relais_soak_*).
"""

import json
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from dataclasses import asdict
from pathlib import Path

from . import report, site
from .ambassadors import Ambassador, Uploads
from .http import Client, Recorder
from .processes import (
    cpu_seconds,
    free_port,
    machine_cpu_seconds,
    own_cpu_seconds,
    start_gunicorn,
    start_moto,
    worker_memory,
)
from .visitors import LISTING, Site, listing_filters, visitor

SECONDS = int(os.environ.get("SOAK_SECONDS", "600"))
BACKENDS = os.environ.get("SOAK_BACKENDS", "sqlite,postgres").split(",")
STORIES = int(os.environ.get("SOAK_STORIES", "1000"))
VISITORS = int(os.environ.get("SOAK_VISITORS", "50"))
AMBASSADORS = int(os.environ.get("SOAK_AMBASSADORS", "10"))
WORKERS = int(os.environ.get("SOAK_WORKERS", "3"))
WORKER_CLASS = os.environ.get("SOAK_WORKER_CLASS", "sync")
THINK_SECONDS = float(os.environ.get("SOAK_THINK_SECONDS", "1.5"))
PORT = int(os.environ.get("SOAK_PORT", "0")) or free_port()
# Memory is first measured once the caches are warm (renditions made, pages cached) and
# every kind of request has run at least once (the first uploads come after 5 to 15 s).
WARM_UP_SECONDS = int(os.environ.get("SOAK_WARM_UP_SECONDS", min(60, SECONDS // 2)))
MEMORY_EVERY_SECONDS = 30
PROBLEM = re.compile(r"\[(ERROR|CRITICAL)\]|Traceback|Internal Server Error|WORKER TIMEOUT")


def main():
    # `kill` stops the soak like Ctrl-C: the finally clauses stop gunicorn and moto.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    workdir = Path(tempfile.mkdtemp(prefix="relais-soak-"))
    print(
        f"Soak: {SECONDS} s per backend ({', '.join(BACKENDS)}), {VISITORS} visitors, "
        f"{AMBASSADORS} ambassadors, gunicorn {WORKERS} {WORKER_CLASS} workers; in {workdir}",
        flush=True,
    )
    runs, moto = [], None
    try:
        moto, endpoint = start_moto(workdir)
        uploads = Uploads(*site.make_uploads(workdir))
        for number, backend in enumerate(BACKENDS):
            runs.append(soak_backend(backend, workdir, endpoint, uploads, static=number == 0))
    finally:
        if moto:
            moto.stop()
    print("\n" + report.table(runs))
    print(
        f"\nLatencies are measured by the load generator, which shares the machine's "
        f"{os.cpu_count()} cores with gunicorn, PostgreSQL, Redis and the S3 server."
    )
    broken = {run.backend: report.broken_promises(run) for run in runs}
    for run in runs:
        for line in report.failures(run):
            print(f"  {run.backend}: {line}")
        for line in run.log_problems[:5]:
            print(f"  {run.backend} log: {line}")
    if any(broken.values()):
        for backend, promises in broken.items():
            for promise in promises:
                print(f"BROKEN on {backend}: {promise}")
        print(f"Logs and the autosave ledger are kept in {workdir}")
        sys.exit(1)
    shutil.rmtree(workdir, ignore_errors=True)


def soak_backend(backend, workdir, endpoint, uploads, static):
    """Prepare a fresh site on one backend, serve it, soak it, check it; return the Run."""
    directory = workdir / backend
    directory.mkdir()
    database = f"relais_soak_{os.getpid()}"
    if backend == "postgres":
        site.create_postgres_database(database)
        database_url = site.postgres_url(database)
    else:
        database_url = f"sqlite:///{directory / 'site.sqlite3'}"
    env = site.site_env(backend, directory, workdir / "static", endpoint, database_url)
    try:
        started = time.monotonic()
        if static:
            site.collect_static(env)
        accounts = site.prepare(env, STORIES, AMBASSADORS)
        print(f"{backend}: site ready in {time.monotonic() - started:.0f} s", flush=True)
        server = start_gunicorn(env, PORT, directory, WORKERS, WORKER_CLASS)
        try:
            run, ambassadors = drive(backend, server.pid, env, accounts, uploads)
        finally:
            server.stop()
        saved = site.site_data(env, "answers")
        check_autosaves(run, ambassadors, saved)
        keep_ledgers(directory / "autosaves.json", ambassadors, saved)
        run.private_media = site.private_media_place(env)
        run.log_problems = [
            line for line in server.log_path.read_text().splitlines() if PROBLEM.search(line)
        ]
        return run
    finally:
        if backend == "postgres":
            site.drop_postgres_database(database)


def drive(backend, master_pid, env, accounts, uploads):
    """Let visitors and ambassadors loose for SECONDS; sample the workers' memory."""
    recorder, base = Recorder(), f"http://127.0.0.1:{PORT}"
    media_base = f"{env['AWS_S3_ENDPOINT_URL']}/{env['AWS_STORAGE_BUCKET_NAME']}/"
    _status, _headers, body = Client(base, Recorder()).get("page", LISTING)
    public = Site(listing_filters(body.decode()), media_base, THINK_SECONDS)
    ambassadors = [
        Ambassador(Client(base, recorder), random.Random(number), account, uploads)
        for number, account in enumerate(accounts)
    ]
    threads = [threading.Thread(target=a.run, daemon=True) for a in ambassadors]
    threads += [
        threading.Thread(
            target=visitor,
            args=(Client(base, recorder), random.Random(1000 + number), public),
            daemon=True,
        )
        for number in range(VISITORS)
    ]
    started, cpu = time.monotonic(), CpuMeter(master_pid)
    for thread in threads:
        thread.start()
    recorder.stop.wait(WARM_UP_SECONDS)
    before, load_before = worker_memory(master_pid), os.getloadavg()
    print(f"{backend}: warm after {WARM_UP_SECONDS} s, workers {before} KiB", flush=True)
    series = [before]
    while (left := SECONDS - (time.monotonic() - started)) > 0:
        recorder.stop.wait(min(left, MEMORY_EVERY_SECONDS))
        series.append(worker_memory(master_pid))
    after, load_after = series[-1], os.getloadavg()
    recorder.stop.set()
    elapsed, cpu_shares = time.monotonic() - started, cpu.shares()
    for thread in threads:
        thread.join(timeout=90)
    run = report.Run(backend, elapsed, recorder.samples, before, after, load_before, load_after)
    run.cpu, run.memory_halfway = cpu_shares, series[len(series) // 2]
    return run, ambassadors


class CpuMeter:
    """Who used the machine's cores during the soak: gunicorn, the load generator, the rest."""

    def __init__(self, master_pid):
        self.master_pid = master_pid
        self.machine, self.own = machine_cpu_seconds(), own_cpu_seconds()
        self.workers = self._workers()

    def _workers(self):
        pids = [self.master_pid, *worker_memory(self.master_pid)]
        return {pid: cpu_seconds(pid) for pid in pids}

    def shares(self):
        """Return the busy share of the machine and the cores used by gunicorn and the soak."""
        (busy_now, total_now), (busy_then, total_then) = machine_cpu_seconds(), self.machine
        busy, total = busy_now - busy_then, total_now - total_then
        workers = sum(t - self.workers.get(pid, 0) for pid, t in self._workers().items())
        wall = total / (os.cpu_count() or 1)  # /proc/stat counts every core's time
        return {
            "busy": busy / total,
            "gunicorn": workers / wall,
            "load generator": (own_cpu_seconds() - self.own) / wall,
        }


def check_autosaves(run, ambassadors, saved):
    """Compare what each ambassador was told was saved with what the database holds."""
    for ambassador in ambassadors:
        ledger = ambassador.ledger
        answers = saved[str(ledger.testimony)]["answers"]
        for question, expected, found in ledger.lost(answers):
            run.lost.append((ledger.testimony, question, len(expected), len(found)))
        run.acked_saves += ledger.acked_saves
        run.unsure_saves += ledger.unsure_saves
        run.uploads += ambassador.uploaded


def keep_ledgers(path, ambassadors, saved):
    """Write what the ambassadors were told and what the database holds, for a post-mortem."""
    ledgers = {str(a.ledger.testimony): asdict(a.ledger) for a in ambassadors}
    path.write_text(json.dumps({"ledgers": ledgers, "database": saved}, indent=1))


if __name__ == "__main__":
    main()
