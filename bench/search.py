#!/usr/bin/env python
"""Search speed with 10,000 stories and 50,000 cards: search() next to the raw engine.

For each backend given (default: sqlite and postgres), a fresh site (bench/site.py) holds
the demo, stories and cards seeded in bulk up to BENCH_SEARCH_STORIES and
BENCH_SEARCH_CARDS, then `update_search_index`. In one process, 50 varied queries run once
to warm up, then BENCH_SEARCH_ROUNDS times each: the whole `search()` (query parsing, typo
lookup, counts per kind, stage and theme up to 1,000 matches, one page of ranked hits with
excerpts), and the raw engine statement alone (the same FTS5 MATCH or tsquery ranking every
match, its ten best ids: what search() did before it ranked a very common word only in
titles, see docs/search.md). Prints the
p50 and p95 of each in ms, and with --json the figures as JSON on the last line.

Target (issue 12): search() p95 ≤ 5 × the raw engine's p95, and ≤ 50 ms.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STORIES = int(os.environ.get("BENCH_SEARCH_STORIES", "10000"))
CARDS = int(os.environ.get("BENCH_SEARCH_CARDS", "50000"))
ROUNDS = int(os.environ.get("BENCH_SEARCH_ROUNDS", "5"))
QUERIES = [
    "épicerie solidaire",
    "epiceries solidaires",
    "bénévoles",
    "comment trouver des bénévoles",
    "c'est quoi l'ESS",
    "quand déposer mon dossier",
    "combien d'argent on peut avoir",
    "comptoir",
    "comptoir à initiatives citoyennes",
    "vote",
    "qui peut voter",
    "projet",
    "dossier",
    "budget prévisionnel",
    "budget previsionel",
    "subventon",
    "labelisation",
    "benevloes",
    "jardin partagé",
    "repair café",
    "atelier vélo",
    "trouver une salle",
    "un local pour notre projet",
    "devis",
    "factures",
    "proclamation",
    "CDESS",
    "lucrativité limitée",
    "association loi 1901",
    "tiers-lieu",
    "personnes âgées isolées",
    "médiathèque livres",
    "règles d'hygiène",
    "on est épuisés",
    "partenaires école",
    "faire campagne pour le vote",
    "ruches abeilles",
    "écrire mon idée",
    "plateforme inscription",
    "devenir ambassadeur",
    "zzzyyyxxx",
    "le la les des",
    "AND OR NOT",
    '"*" NEAR(',
    "quartier",
    "habitants du quartier",
    "marché samedi",
    "skatepark",
    "Pas-de-Calais",
    "x" * 10_000,
]


def main():
    from bench.site import Site, postgres_reachable, run

    as_json = "--json" in sys.argv
    backends = [a for a in sys.argv[1:] if not a.startswith("--")] or ["sqlite", "postgres"]
    if "postgres" in backends and not postgres_reachable():
        backends.remove("postgres")
    results = {}
    with tempfile.TemporaryDirectory(prefix="relais-bench-search-") as workdir:
        for backend in backends:
            with Site(backend, Path(workdir)) as site:
                started = time.perf_counter()
                site.grow_to(STORIES)
                run(site.env, "manage.py", "seed_cards", str(max(1, CARDS - 500)))
                run(site.env, "manage.py", "update_search_index")
                site._vacuum()
                seeding = time.perf_counter() - started
                results[backend] = dict(measure_in_process(site.env), seeding=seeding)
            print(backend, lines(results[backend]), flush=True)
    if as_json:
        print(json.dumps(results))


def measure_in_process(env):
    out = subprocess.run(  # noqa: S603 - our own script
        [sys.executable, __file__, "--measure"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def measure():
    """Time search() and the raw engine statement on every query (runs inside Django)."""
    import django

    django.setup()
    from django.db import connection

    from relais.search.engines import current_engine
    from relais.search.models import SearchDocument
    from relais.search.query import parse
    from relais.search.services import search

    def raw_statement(text):
        query = parse(text)
        if not query.groups:
            return None
        from_, where, params, score, score_params = current_engine().match(query.groups)
        sql = (
            f"SELECT d.id, {score} AS score FROM {from_} WHERE {where} ORDER BY score DESC LIMIT 10"  # noqa: S608, E501
        )
        return sql, score_params + params

    statements = [raw_statement(text) for text in QUERIES]
    whole, raw = [], []
    for round_ in range(ROUNDS + 1):
        for text, statement in zip(QUERIES, statements, strict=True):
            start = time.perf_counter()
            search(text)
            elapsed = (time.perf_counter() - start) * 1000
            raw_elapsed = 0.0
            if statement:
                with connection.cursor() as cursor:
                    start = time.perf_counter()
                    cursor.execute(*statement)
                    cursor.fetchall()
                    raw_elapsed = (time.perf_counter() - start) * 1000
            if round_:  # the first round warms caches up
                whole.append(elapsed)
                raw.append(raw_elapsed)
    print(
        json.dumps(
            {
                "documents": SearchDocument.objects.count(),
                "queries": len(QUERIES),
                "search": percentiles(whole),
                "raw": percentiles(raw),
            }
        )
    )


def percentiles(values):
    cuts = statistics.quantiles(values, n=20)
    return {"p50": statistics.median(values), "p95": cuts[18]}


def lines(figures):
    search, raw = figures["search"], figures["raw"]
    ratio = search["p95"] / raw["p95"] if raw["p95"] else float("inf")
    verdict = "ok" if ratio <= 5 and search["p95"] <= 50 else "TOO SLOW"
    return (
        f"{figures['documents']:,} documents, {figures['queries']} queries: search() p50 "
        f"{search['p50']:.1f} ms, p95 {search['p95']:.1f} ms; raw engine p50 {raw['p50']:.1f} "
        f"ms, p95 {raw['p95']:.1f} ms; p95 ratio {ratio:.1f} (target ≤ 5 and ≤ 50 ms, "
        f"{verdict})"
    )


if __name__ == "__main__":
    if "--measure" in sys.argv:
        measure()
    else:
        main()
