"""The load of the crash test: people autosaving, uploading and publishing, in threads.

Each worker loops until the kill and writes down in a Ledger what the server
acknowledged, what was in flight, and how long each kind of request takes here.
"""

import hashlib
import statistics
import threading
import time

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from .crash_server import REQUEST_TIMEOUT_SECONDS, json_saved

# The kill falls this share of a request's usual duration after it started; past 1, the
# request may have been acknowledged and the kill falls in the next one.
KILL_SHARE = (0.05, 1.3)
TARGET_WAIT_SECONDS = 30
CALIBRATION_SECONDS = 120
PUBLICATIONS_PER_CYCLE = 2
STAGE = "idee"


def sha(data):
    return hashlib.sha256(data).hexdigest()


KINDS = ("autosave", "photo", "recording", "draft", "publication")


class Cut(Exception):
    """The kill cut this request short: nothing was acknowledged."""


class Ledger:
    """What the server acknowledged, what was in flight, and when each request started."""

    def __init__(self):
        self.answers = {}  # (testimony, question) -> acknowledged text
        self.unacknowledged = {}  # (testimony, question) -> texts sent since the last ack
        self.uploads = {}  # display name -> sha256 of what was sent
        self.drafted = set()  # testimonies turned into a story (the editor saw the redirect)
        self.published = set()  # testimonies whose story the editor published
        self.counts = dict.fromkeys(KINDS, 0)
        self.durations = {kind: [] for kind in KINDS}
        self.cut = 0
        self.changed = threading.Condition()
        self.starts = {}  # kind -> when its first request of this cycle started

    def new_cycle(self):
        with self.changed:
            self.starts = {}

    def send(self, kind, request):
        """Run one request of a kind; return its answer, or raise Cut if the kill cut it."""
        started = time.monotonic()
        with self.changed:
            self.starts.setdefault(kind, started)
            self.changed.notify_all()
        try:
            answer = request()
        except OSError as exc:
            self.cut += 1
            raise Cut from exc
        self.durations[kind].append(time.monotonic() - started)
        return answer

    def acknowledged(self, kind):
        self.counts[kind] += 1

    def typical(self, kind):
        return statistics.median(self.durations[kind])

    def wait_for_start(self, kind, timeout):
        """Return when the first request of a kind started in this cycle (or now, if none)."""
        with self.changed:
            self.changed.wait_for(lambda: kind in self.starts, timeout=timeout)
            return self.starts.get(kind, time.monotonic())


def autosaver(server, data, ledger, testimony, cycle, stop):
    """Autosave a stage's answers again and again, as the page does while one types."""
    version = server_version(server.database, testimony)
    path = f"/contribuer/temoignages/{testimony}/etapes/{STAGE}/autosave/"
    number = 0
    while not stop.is_set():
        number += 1
        text = f"Réponse écrite t{testimony} c{cycle} n{number} : " + "é, voilà. " * 150 + "Fin."
        form = {"version": version, **{f"question_{q}": text for q in data["questions"]}}
        keys = [(testimony, question) for question in data["questions"]]
        for key in keys:
            ledger.unacknowledged.setdefault(key, []).append(text)
        status, body, _ = ledger.send(
            "autosave", lambda form=form: server.post_form(path, form, data["ambassador"])
        )
        if status != 200 or not json_saved(body):
            raise AssertionError(f"autosave answered {status}: {body[:300]!r}")
        version += 1
        ledger.answers.update(dict.fromkeys(keys, text))
        ledger.unacknowledged.update({key: [] for key in keys})
        ledger.acknowledged("autosave")


def uploader(server, data, ledger, media, kind, cycle, stop):
    """Send photos (kind "photo") or recordings ("recording") one after the other."""
    number = 0
    while not stop.is_set():
        number += 1
        if kind == "photo":
            folder, content, extra = "photos", media.photos[number % 3], {"alt_text": "Photo"}
            name = f"c{cycle}-p{number}.jpg"
        else:
            folder, content, extra = "audio", media.recording, {"transcript": "Bonjour."}
            name = f"c{cycle}-a{number}.webm"
        path = f"/contribuer/temoignages/{data['uploads']}/{folder}/"
        status, body, _ = ledger.send(
            kind,
            lambda p=path, e=extra, n=name, c=content: server.post_file(
                p, e, n, c, data["ambassador"]
            ),
        )
        if status != 200 or not json_saved(body):
            raise AssertionError(f"upload answered {status}: {body[:300]!r}")
        ledger.uploads[name] = sha(content)
        ledger.acknowledged(kind)


def publisher(server, data, ledger, cycle, stop):
    """Turn testimonies into story drafts, then publish them through Wagtail's edit form."""
    first = cycle * PUBLICATIONS_PER_CYCLE
    for testimony in data["to_publish"][first : first + PUBLICATIONS_PER_CYCLE]:
        if stop.is_set():
            return
        path = f"/admin/temoignages/{testimony}/story/"
        status, body, location = ledger.send(
            "draft", lambda p=path: server.post_form(p, {}, data["editor"])
        )
        if status != 302 or "/admin/pages/" not in location:
            raise AssertionError(f"drafting answered {status}: {body[:300]!r}")
        ledger.drafted.add(testimony)
        ledger.acknowledged("draft")
        form = publish_form(server.database, int(location.rstrip("/").split("/")[-2]))
        status, body, _ = ledger.send(
            "publication", lambda p=location, f=form: server.post_form(p, f, data["editor"])
        )
        if status != 302:
            raise AssertionError(f"publishing answered {status}: {body[:300]!r}")
        ledger.published.add(testimony)
        ledger.acknowledged("publication")


def publish_form(database, story):
    """What Wagtail's edit form posts to publish the drafted story with a summary."""
    [(title, slug)] = database.rows(
        "SELECT title, slug FROM wagtailcore_page WHERE id = %s", [story]
    )
    form = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "Un jardin partagé, raconté par celle qui l'a lancé.",
            "body": streamfield([("text", rich_text("<p>Un texte relu.</p>"))]),
            "comments": inline_formset([]),
        }
    )
    form["action-publish"] = "action-publish"
    return form


def server_version(database, testimony):
    [(version,)] = database.rows("SELECT version FROM collect_testimony WHERE id = %s", [testimony])
    return version


def start_load(server, data, ledger, media, cycle):
    """Start every kind of request in threads; return (threads, stop event, errors)."""
    stop = threading.Event()
    errors = []

    def worker(function, *args):
        def run():
            try:
                function(*args)
            except Cut:
                pass
            except BaseException as exc:  # reported by the test, not lost in a thread
                errors.append(exc)

        return threading.Thread(target=run)

    threads = [worker(autosaver, server, data, ledger, t, cycle, stop) for t in data["writing"]]
    threads += [
        worker(uploader, server, data, ledger, media, kind, cycle, stop)
        for kind in ("photo", "recording")
    ]
    threads.append(worker(publisher, server, data, ledger, cycle, stop))
    ledger.new_cycle()
    for thread in threads:
        thread.start()
    return threads, stop, errors


def finish_load(threads, errors):
    for thread in threads:
        thread.join(timeout=REQUEST_TIMEOUT_SECONDS + 5)
    assert not any(thread.is_alive() for thread in threads), "a request outlived the kill"
    if errors:
        raise errors[0]


def calibrate(server, data, ledger, media, cycle):
    """Run the load until every kind of request was acknowledged once, without a kill.

    This measures how long each kind takes on this machine, and leaves acknowledged
    writes of every kind for the checks after each crash.
    """
    threads, stop, errors = start_load(server, data, ledger, media, cycle)
    deadline = time.monotonic() + CALIBRATION_SECONDS
    while min(ledger.counts.values()) == 0 and time.monotonic() < deadline and not errors:
        time.sleep(0.05)
    stop.set()
    finish_load(threads, errors)
    missing = [kind for kind, count in ledger.counts.items() if not count]
    assert not missing, f"never acknowledged in {CALIBRATION_SECONDS} s: {missing}"


def run_load(server, data, ledger, media, cycle, rng):
    """Start the load and kill the server mid-request at a seeded moment; return the target.

    The seed picks a kind of request and a point in it (a share of how long that kind
    takes on this machine): the kill falls then, whatever the machine's speed.
    """
    target, share = rng.choice(KINDS), rng.uniform(*KILL_SHARE)
    threads, stop, errors = start_load(server, data, ledger, media, cycle)
    started = ledger.wait_for_start(target, timeout=TARGET_WAIT_SECONDS)
    time.sleep(max(0.0, started + share * ledger.typical(target) - time.monotonic()))
    stop.set()
    server.kill()
    finish_load(threads, errors)
    return target
