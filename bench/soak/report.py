"""Figures of a soak run, the table of both backends side by side, and the broken promises."""

import statistics
from dataclasses import dataclass, field

from .http import TRANSPORT_ERROR

KINDS = {
    "page": "public pages",
    "static": "static files",
    "media": "media on S3 (moto)",
    "space": "contributor pages",
    "private": "private files",
    "autosave": "autosave",
    "upload": "photo/recording upload",
}
NOT_GUNICORN = {"media"}  # served by the S3 server, not by Relais
MAX_GROWTH_PERCENT = 10.0


@dataclass
class Run:
    """Everything measured on one backend."""

    backend: str
    seconds: float
    samples: list
    memory_before: dict  # worker pid -> KiB, after the warm-up
    memory_after: dict  # worker pid -> KiB, at the end
    load_before: tuple
    load_after: tuple
    lost: list = field(default_factory=list)  # (ambassador, question, expected, found)
    acked_saves: int = 0
    unsure_saves: int = 0
    uploads: int = 0
    log_problems: list = field(default_factory=list)  # error lines of gunicorn's log
    cpu: dict = field(default_factory=dict)  # busy share of the machine, cores used by whom
    private_media: str = ""  # where the private files went: bucket or local folder
    memory_halfway: dict = field(default_factory=dict)  # worker pid -> KiB, between the two


def percentile(values, percent):
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def latencies_ms(run, kind):
    return sorted(
        s.seconds * 1000 for s in run.samples if s.kind == kind and s.status != TRANSPORT_ERROR
    )


def server_errors(run):
    return [s for s in run.samples if s.status >= 500 and s.kind not in NOT_GUNICORN]


def transport_errors(run):
    return [s for s in run.samples if s.status == TRANSPORT_ERROR and s.kind not in NOT_GUNICORN]


def client_errors(run):
    return [s for s in run.samples if 400 <= s.status < 500 and s.kind not in NOT_GUNICORN]


def media_errors(run):
    """Failures of the S3 server itself: reported, but they are not Relais' responses."""
    return [
        s
        for s in run.samples
        if s.kind in NOT_GUNICORN and (s.status == TRANSPORT_ERROR or s.status >= 400)
    ]


def growth(run):
    """Return [(pid, KiB after warm-up, KiB at the end or None, growth %)] per worker."""
    rows = []
    for pid, before in sorted(run.memory_before.items()):
        after = run.memory_after.get(pid)
        percent = (after - before) * 100 / before if after and before else float("nan")
        rows.append((pid, before, after, percent))
    return rows


def restarted_workers(run):
    """Workers gone or new between the two samples: a crash, a timeout or a recycling."""
    return sorted(set(run.memory_before) ^ set(run.memory_after))


def broken_promises(run):
    broken = []
    if server_errors(run):
        broken.append(f"{len(server_errors(run))} responses 5xx")
    if transport_errors(run):
        broken.append(f"{len(transport_errors(run))} requests without a response")
    if run.lost:
        broken.append(f"{len(run.lost)} acknowledged autosaves lost")
    if restarted_workers(run):
        broken.append(f"workers restarted: {restarted_workers(run)}")
    for pid, _before, _after, percent in growth(run):
        if not percent <= MAX_GROWTH_PERCENT:
            broken.append(f"worker {pid} memory grew {percent:.1f} %")
    return broken


def rows(run):
    """Return [(label, value)] of one run, in the order of the table."""
    return [*traffic_rows(run), *outcome_rows(run), *memory_rows(run), *machine_rows(run)]


def traffic_rows(run):
    gunicorn = [s for s in run.samples if s.kind not in NOT_GUNICORN]
    lines = [
        ("requests to gunicorn", f"{len(gunicorn)}"),
        ("req/s to gunicorn", f"{len(gunicorn) / run.seconds:.1f}"),
    ]
    for kind, label in KINDS.items():
        values = latencies_ms(run, kind)
        lines.append(
            (
                f"{label}: n, p50/p95/p99 ms",
                f"{len(values)}, {percentile(values, 50):.0f}/{percentile(values, 95):.0f}/"
                f"{percentile(values, 99):.0f}",
            )
        )
    return lines


def outcome_rows(run):
    return [
        ("5xx from gunicorn", f"{len(server_errors(run))}"),
        ("no response (refused, reset, timeout)", f"{len(transport_errors(run))}"),
        ("4xx from gunicorn", f"{len(client_errors(run))}"),
        ("media errors from the S3 server", f"{len(media_errors(run))}"),
        ("autosaves acknowledged / unsure", f"{run.acked_saves} / {run.unsure_saves}"),
        ("acknowledged autosaves lost", f"{len(run.lost)}"),
        ("uploads sent", f"{run.uploads}"),
        ("private media in", run.private_media),
    ]


def memory_rows(run):
    lines = []
    for number, (pid, before, after, percent) in enumerate(growth(run), 1):
        halfway = run.memory_halfway.get(pid)
        lines.append(
            (
                f"worker {number} RSS MB, warm -> half -> end",
                f"{megabytes(before)} -> {megabytes(halfway)} -> {megabytes(after)} "
                f"({percent:+.1f} %)",
            )
        )
    return lines


def machine_rows(run):
    broken = broken_promises(run)
    return [
        ("load average 1 min, warm -> end", f"{run.load_before[0]:.1f} -> {run.load_after[0]:.1f}"),
        ("machine CPU busy", f"{run.cpu.get('busy', 0):.0%}"),
        (
            "cores used: gunicorn / load generator",
            f"{run.cpu.get('gunicorn', 0):.2f} / {run.cpu.get('load generator', 0):.2f}",
        ),
        ("error lines in gunicorn's log", f"{len(run.log_problems)}"),
        ("verdict", f"BROKEN ({len(broken)})" if broken else "ok"),
    ]


def megabytes(kib):
    return f"{kib / 1024:.0f}" if kib else "gone"


def table(runs):
    """Return both backends side by side as text."""
    columns = [dict(rows(run)) for run in runs]
    labels = list(dict.fromkeys(label for run in runs for label, _value in rows(run)))
    width = max(len(label) for label in labels) + 2
    value_width = max(24, *(len(v) for column in columns for v in column.values()))
    header = f"{'':<{width}}" + "".join(f"{run.backend:>{value_width + 2}}" for run in runs)
    lines = [header, "-" * len(header)]
    for label in labels:
        values = "".join(f"{column.get(label, ''):>{value_width + 2}}" for column in columns)
        lines.append(f"{label:<{width}}{values}")
    return "\n".join(lines)


def failures(run, limit=10):
    """Return a few failed requests of a run, for the reader to start from."""
    failed = server_errors(run) + transport_errors(run) + client_errors(run) + media_errors(run)
    lines = [f"{s.kind} {s.status} {s.what}" for s in failed[:limit]]
    for testimony, question, expected, found in run.lost[:limit]:
        lines.append(
            f"lost autosave: testimony {testimony}, question {question}: "
            f"{expected} characters acknowledged, {found} in the database"
        )
    return lines
