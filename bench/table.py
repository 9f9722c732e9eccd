"""Lay the benchmark's figures out as one Markdown table, padded to read in a terminal too."""

BACKENDS = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
PER_SIZE = [
    "cached ms",
    "req/s",
    "uncached ms",
    "req/s",
    "CPU ms",
    "signed-in ms",
    "req/s",
    "queries",
]


def render(results, floor, audio, sizes, packs=None):
    header = ["database", "page"]
    for size in sizes:
        header += [f"{size:,} stories: {PER_SIZE[0]}", *PER_SIZE[1:]]
    growth = len(sizes) > 1
    if growth:
        header.append(f"uncached {sizes[-1]:,} ÷ {sizes[0]:,}")
    rows = [["—", "minimal Django view (floor)", *_floor_cells(floor) * len(sizes)]]
    rows[0] += [""] * growth
    for backend, figures in results.items():
        name = BACKENDS[backend]
        for page in next(iter(figures["sizes"].values()))["pages"]:
            measured = [figures["sizes"][size]["pages"][page] for size in sizes]
            cells = [_page_cells(one) for one in measured]
            rows.append([name, page, *sum(cells, []), *[_growth(measured)] * growth])
        rows += [
            [name, label, *sum(cells, []), *[""] * growth]
            for label, cells in _extra_rows(figures, sizes)
        ]
    if audio:
        verdict = "ok" if audio["ratio"] <= 0.1 else "TOO SLOW"
        text = (
            f"{audio['duration'] / 60:.0f} min in {audio['elapsed']:.1f} s, ratio "
            f"{audio['ratio']:.3f} (target ≤ 0.10, {verdict}); LUFS "
            f"{audio['lufs_in']:.1f}→{audio['lufs_out']:.1f}"
        )
        rows.append(["—", "audio processing of a recording", text, *[""] * (len(header) - 3)])
    if packs:
        rows.append(
            ["SQLite", "content pack import / export", _packs(packs), *[""] * (len(header) - 3)]
        )
    return _markdown([header, *rows])


def _packs(packs):
    verdict = "ok" if max(packs["import"], packs["export"]) <= 60 else "TOO SLOW"
    return (
        f"{packs['stories']:,} stories, {packs['audio']} audio files: import "
        f"{packs['import']:.1f} s, export {packs['export']:.1f} s, import again "
        f"{packs['reimport']:.1f} s (target ≤ 60 s, {verdict})"
    )


def _floor_cells(floor):
    median, rps = floor
    return [f"{median:.2f}", f"{rps:.0f}"] * 2 + [""] + [f"{median:.2f}", f"{rps:.0f}", "0"]


FAILED = "failed"  # a request failed or timed out: bench/run.py printed why


def _page_cells(page):
    cached, uncached, signed = page["cached"], page["uncached"], page["signed"]
    return [
        *_timed(cached),
        *_timed(uncached),
        f"{page['cpu']:.2f}" if page.get("cpu") is not None else FAILED,
        *_timed(signed),
        " / ".join(FAILED if n is None else str(n) for n in page["queries"]),
    ]


def _growth(measured):
    """Return the uncached median at the largest size over that at the smallest (1.00: flat)."""
    first, last = measured[0]["uncached"], measured[-1]["uncached"]
    if first is None or last is None:
        return FAILED
    return f"{last[0] / first[0]:.2f}"


def _timed(measure):
    if measure is None:
        return [FAILED, FAILED]
    median, rps, note = measure
    return [f"{median:.2f}", f"{rps:.0f}" + (f" ({note})" if note else "")]


def _extra_rows(figures, sizes):
    blank = [""] * (len(PER_SIZE) - 1)

    def one_cell(texts):
        return [[text, *blank] for text in texts]

    sized = [figures["sizes"][size] for size in sizes]
    yield "pages still cached after one publication", one_cell(_kept(s["kept"]) for s in sized)
    yield "memory per worker (RSS, MB)", one_cell(_rss(s["rss"]) for s in sized)
    yield (
        "seeding",
        one_cell(f"{s['seeding'][0]:,} stories in {s['seeding'][1]:.1f} s" for s in sized),
    )
    autosave = [f"{figures['autosave']:.2f} ms (target ≤ 30)"] + [""] * (len(sizes) - 1)
    yield "autosave median (contributor space)", one_cell(autosave)


def _kept(kept):
    if kept is None:
        return FAILED
    count, cacheable, never, stale = kept
    share = f"{100 * count / cacheable:.0f} %" if cacheable else "—"
    text = f"{count} of {cacheable} cached pages ({share})"
    if never:
        text += f"; never cached: {', '.join(never[:3])}" + (" …" if len(never) > 3 else "")
    return text + (f"; STALE: {', '.join(stale)}" if stale else "; none stale")


def _rss(rss):
    cached, uncached = rss
    return (
        "cached server "
        + ", ".join(f"{mb:.0f}" for mb in cached)
        + ("; uncached " + ", ".join(f"{mb:.0f}" for mb in uncached))
    )


def _markdown(rows):
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in rows
    ]
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([lines[0], rule, *lines[1:]])
