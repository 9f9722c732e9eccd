"""Signed-in ambassadors: they type (autosaved every few seconds) and add photos and recordings.

Each keeps a ledger of what the server acknowledged, so that the database can be checked
afterwards: an acknowledged autosave must never be lost.
"""

import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

SAVE_EVERY = (2.0, 5.0)  # seconds between two autosaves, as a person typing with pauses
SAVES_PER_STAGE = (5, 15)
UPLOAD_EVERY = (30.0, 90.0)
FIRST_UPLOAD_AFTER = (5.0, 15.0)
MAX_TEXT = 9_000  # below the 10,000 characters an answer may hold
VERSION = re.compile(r'name="version" value="(\d+)"')
PRIVATE_FILE = re.compile(r'"(/contribuer/fichiers/(?:photo|audio)/[^"]+)"')
JSON = "application/json"


@dataclass
class Ledger:
    """What one ambassador typed, and what the server said it saved."""

    testimony: int
    version: int
    typed: dict  # question id (str) -> the text in the page
    acked: dict  # question id -> the text of the last acknowledged save
    unsure: dict = field(default_factory=dict)  # question id -> texts sent without an answer
    acked_saves: int = 0
    unsure_saves: int = 0

    def saved(self, questions, version):
        for question in questions:
            self.acked[question] = self.typed[question]
            self.unsure[question] = []
        self.version = version
        self.acked_saves += 1

    def not_saved(self, questions):
        """A save without a clear refusal might still have been written: remember it."""
        for question in questions:
            self.unsure.setdefault(question, []).append(self.typed[question])
        self.unsure_saves += 1

    def lost(self, saved):
        """Return [(question, expected, found)] where the database lost an acknowledged save.

        The form strips leading and trailing spaces (Django's CharField), so the database
        holds the stripped text of what was typed.
        """
        lost = []
        for question, text in self.acked.items():
            found = saved.get(question, "")
            unsure = [typed.strip() for typed in self.unsure.get(question, [])]
            if found != text.strip() and found not in unsure:
                lost.append((question, text.strip(), found))
        return lost


@dataclass
class Uploads:
    photo: Path
    recording: Path


def multipart(fields, file_field, path, content_type):
    """Return (body, content type) of a form with one file, as a browser sends it."""
    boundary = uuid.uuid4().hex
    lines = []
    for name, value in fields.items():
        lines += [f"--{boundary}", f'Content-Disposition: form-data; name="{name}"', "", value]
    head = "\r\n".join(
        [
            *lines,
            f"--{boundary}",
            f'Content-Disposition: form-data; name="{file_field}"; filename="{path.name}"',
            f"Content-Type: {content_type}",
            "",
            "",
        ]
    ).encode()
    body = head + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


class Ambassador:
    def __init__(self, client, rng, account, uploads):
        self.client, self.rng, self.uploads = client, rng, uploads
        self.stop = client.recorder.stop
        self.link = account["link"]
        self.stages = account["stages"]
        self.ledger = Ledger(
            testimony=account["testimony"],
            version=account["version"],
            typed=dict(account["started"]),
            acked=dict(account["started"]),
        )
        self.base = f"/contribuer/temoignages/{self.ledger.testimony}/"
        self.sentences = 0
        self.uploaded = 0

    def run(self):
        """Sign in with the one-time link, then write, stage after stage, until the end."""
        status, _headers, _body = self.client.get("space", self.link)
        if status != 302 or "sessionid" not in self.client.cookies:
            return
        self.client.get("space", "/contribuer/")
        self.client.get("space", self.base)
        next_upload = self.rng.uniform(*FIRST_UPLOAD_AFTER)  # a quick run uploads too
        waited, stage = 0.0, self.rng.randrange(len(self.stages))
        while not self.stop.is_set():
            slug, questions = self.stages[stage % len(self.stages)]
            self.open_stage(slug)
            for _ in range(self.rng.randint(*SAVES_PER_STAGE)):
                pause = self.rng.uniform(*SAVE_EVERY)
                if self.stop.wait(pause):
                    return
                self.type_and_save(slug, [str(q) for q in questions])
                waited += pause
                if waited >= next_upload:
                    self.upload()
                    waited, next_upload = 0.0, self.rng.uniform(*UPLOAD_EVERY)
            stage += 1

    def csrf_headers(self, accept=JSON):
        return {"X-CSRFToken": self.client.cookies.get("csrftoken", ""), "Accept": accept}

    def open_stage(self, slug):
        """Load the stage's form; its hidden version is the one the next autosave sends."""
        status, _headers, body = self.client.get("space", f"{self.base}etapes/{slug}/")
        match = VERSION.search(body.decode("utf-8", "replace")) if status == 200 else None
        if match:
            self.ledger.version = int(match.group(1))

    def type_and_save(self, slug, questions):
        """Add a sentence to one answer of the stage, then autosave the whole stage's form."""
        question = self.rng.choice(questions)
        self.sentences += 1
        text = self.ledger.typed.get(question, "")
        if len(text) > MAX_TEXT:
            text = "Réécrit depuis le début. "
        self.ledger.typed[question] = (
            f"{text}Phrase {self.sentences} : nous avons avancé pas à pas, avec les voisins. "
        )
        self.ledger.typed.update({q: self.ledger.typed.get(q, "") for q in questions})
        fields = {"version": self.ledger.version}
        fields.update({f"question_{q}": self.ledger.typed[q] for q in questions})
        status, _headers, body = self.client.post(
            "autosave",
            f"{self.base}etapes/{slug}/autosave/",
            urlencode(fields),
            "application/x-www-form-urlencoded",
            headers=self.csrf_headers(),
        )
        if status == 200 and json.loads(body).get("saved"):
            self.ledger.saved(questions, json.loads(body)["version"])
            return
        if status in (400, 403, 409):  # refused with a reason: nothing was written
            self.open_stage(slug)  # as the page says: reload (409 means another version)
        else:
            self.ledger.not_saved(questions)
            self.open_stage(slug)

    def upload(self):
        """Add a photo or a recording, then look at the testimony page and one private file."""
        self.uploaded += 1
        if self.uploaded % 2:
            fields, path, kind = (
                {"alt_text": "Le stand au marché"},
                self.uploads.photo,
                "image/jpeg",
            )
            target = "photos/"
        else:
            fields, path, kind = (
                {"transcript": "Un souvenir."},
                self.uploads.recording,
                "audio/mpeg",
            )
            target = "audio/"
        body, content_type = multipart(fields, "file", path, kind)
        self.client.post(
            "upload", self.base + target, body, content_type, headers=self.csrf_headers()
        )
        status, _headers, page = self.client.get("space", self.base)
        files = PRIVATE_FILE.findall(page.decode("utf-8", "replace")) if status == 200 else []
        if files:
            self.client.get("private", self.rng.choice(files), headers={"Range": "bytes=0-65535"})
