"""A real Relais server for the crash test: its own database and media, killed with SIGKILL.

The server is gunicorn, as in production, in a session of its own so that one
`killpg(SIGKILL)` takes down the master, its workers and their ffmpeg or Pillow children
at once (crash_launcher starts it). Its database is a copy of the test database (already
migrated, with the small site and what the test added); its media folders are its own.
"""

import contextlib
import http.client
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]
LAUNCHER = "relais.collect.tests.crash_launcher"
CSRF = "crashcsrfsecret0123456789abcdefg"  # an unmasked 32-character CSRF secret
START_TIMEOUT_SECONDS = 60
REQUEST_TIMEOUT_SECONDS = 20


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerDatabase:
    """The server's own database: a copy of the test database, queried directly."""

    def __init__(self, workdir):
        self.vendor = connection.vendor
        if self.vendor == "sqlite":
            self.path = Path(workdir) / "relais.sqlite3"
            self.url = f"sqlite:///{self.path}"
        else:
            self.name = f"{connection.settings_dict['NAME']}_live_{uuid.uuid4().hex[:8]}"
            self.params = {
                "host": connection.settings_dict["HOST"] or "127.0.0.1",
                "port": connection.settings_dict["PORT"] or 5432,
                "user": connection.settings_dict["USER"] or "postgres",
                "password": connection.settings_dict["PASSWORD"] or None,
            }
            user, password = self.params["user"], self.params["password"]
            credentials = f"{user}:{password}" if password else user
            host, port = self.params["host"], self.params["port"]
            self.url = f"postgres://{credentials}@{host}:{port}/{self.name}"

    def copy_test_database(self):
        """Copy the (committed) test database to the server's."""
        if self.vendor == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(self.path) as target:
                connection.connection.backup(target)
            target.close()
            return
        template = connection.settings_dict["NAME"]
        connection.close()  # a template database must have no other session
        with self._maintenance() as admin:
            admin.execute(f'CREATE DATABASE "{self.name}" TEMPLATE "{template}"')

    def drop(self):
        if self.vendor != "sqlite":
            with self._maintenance() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def _maintenance(self):
        import psycopg

        return psycopg.connect(dbname="postgres", autocommit=True, **self.params)

    def rows(self, sql, params=()):
        """Return the rows of a query written with %s placeholders."""
        if self.vendor == "sqlite":
            with sqlite3.connect(self.path, timeout=10) as db:
                return db.execute(sql.replace("%s", "?"), params).fetchall()
        import psycopg

        with psycopg.connect(dbname=self.name, **self.params) as db:
            return db.execute(sql, params).fetchall()

    def integrity(self):
        """Return SQLite's own verdict on its file ("ok"), or None on PostgreSQL."""
        if self.vendor != "sqlite":
            return None
        with sqlite3.connect(self.path, timeout=10) as db:
            return ", ".join(row[0] for row in db.execute("PRAGMA integrity_check").fetchall())


class LiveServer:
    """gunicorn serving Relais (see crash_launcher); start() again after each kill()."""

    def __init__(self, workdir, database):
        self.workdir = Path(workdir)
        self.media = self.workdir / "media"
        self.private = self.workdir / "private"
        self.log = self.workdir / "server.log"
        self.report = self.workdir / "check_media.log"
        self.database = database
        self.port = None
        self.pid = None
        self.launcher = None
        self.env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="config.settings.dev",
            DEBUG="false",
            SECRET_KEY=settings.SECRET_KEY,  # sessions made by the test are valid there
            ALLOWED_HOSTS="127.0.0.1",
            DATABASE_URL=database.url,
            DATABASE_CONN_MAX_AGE="0",
            MEDIA_ROOT=str(self.media),
            RELAIS_PRIVATE_MEDIA_ROOT=str(self.private),
            TASKS_BACKEND="",
            CACHE_URL="",
            LOG_LEVEL="CRITICAL",
            PYTHONDONTWRITEBYTECODE="1",
        )

    def start(self):
        """Start a server on a new port and return once it answers."""
        if self.launcher is None:
            self.launcher = subprocess.Popen(  # noqa: S603 - fixed command
                [sys.executable, "-m", LAUNCHER, str(self.log), str(self.report)],
                cwd=ROOT,
                env=self.env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
        self.port = free_port()
        self.pid = int(self._ask(f"start {self.port}"))
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            try:
                status, _, _ = self.request("GET", "/contribuer/connexion/", timeout=5)
                if status == 200:
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"the server did not answer in time: {self.log_tail()}")

    def kill(self):
        """SIGKILL the whole server at once, as a crash or the OOM killer would."""
        if self.pid is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, signal.SIGKILL)
        self._ask(f"reap {self.pid}")
        self.pid = None

    def close(self):
        """Kill the server if it runs, then the launcher."""
        if self.launcher is None:
            return
        try:
            self.kill()
        finally:
            self.launcher.kill()
            self.launcher.wait(timeout=30)
            self.launcher = None

    def _ask(self, command):
        if self.launcher.poll() is not None:
            raise RuntimeError(f"the launcher exited: {self.log_tail()}")
        self.launcher.stdin.write(command + "\n")
        self.launcher.stdin.flush()
        answer = self.launcher.stdout.readline().strip()
        if not answer:
            raise RuntimeError(f"the launcher did not answer {command!r}: {self.log_tail()}")
        return answer

    def log_tail(self):
        return self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""

    def request(self, method, path, body=None, headers=None, session=None, timeout=None):
        """Send one request; return (status, body, Location). Raises OSError when cut."""
        headers = {"Host": "127.0.0.1", **(headers or {})}
        if session:
            headers["Cookie"] = f"sessionid={session}; csrftoken={CSRF}"
            headers["X-CSRFToken"] = CSRF
        client = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=timeout or REQUEST_TIMEOUT_SECONDS
        )
        try:
            client.request(method, path, body=body, headers=headers)
            response = client.getresponse()
            return response.status, response.read(), response.getheader("Location", "")
        except http.client.HTTPException as cut:  # an answer cut short acknowledges nothing
            raise ConnectionError(cut) from cut
        finally:
            client.close()

    def post_form(self, path, data, session):
        body = urlencode(data, doseq=True)
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return self.request("POST", path, body, headers, session)

    def post_file(self, path, fields, filename, content, session):
        """POST multipart/form-data with one file, asking for a JSON answer."""
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in fields.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Accept": "application/json",
        }
        return self.request("POST", path, body, headers, session)


def json_saved(body):
    try:
        return json.loads(body).get("saved") is True
    except ValueError:
        return False
