"""Copy the database into a file and back: SQLite's online backup API, or pg_dump/pg_restore."""

import os
import shutil
import sqlite3
import subprocess  # nosec B404  # pg_dump and pg_restore, with fixed arguments and no shell

from django.db import connection
from django.db.backends.postgresql.client import DatabaseClient

from .errors import BackupError
from .files import open_private, sync

FILE_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


def engine():
    """Return the database engine's short name, as the manifest records it."""
    if connection.vendor not in FILE_NAMES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def dump(path):
    """Write a consistent copy of the whole database to `path` (readable by its owner only)."""
    if connection.in_atomic_block:
        # Uncommitted rows would be missed by pg_dump, and SQLite's backup of a
        # connection that is writing waits forever.
        raise BackupError("A backup cannot run inside a transaction.")
    if engine() == "sqlite":
        _sqlite_dump(path)
    else:
        _pg_dump(path)


def load(path):
    """Replace the whole content of the configured database with the copy at `path`."""
    if connection.in_atomic_block:
        raise BackupError("A restore cannot run inside a transaction.")
    if engine() == "sqlite":
        _sqlite_load(path)
    else:
        _pg_restore(path)


def _sqlite_dump(path):
    """Copy the live database page by page through SQLite's online backup API.

    The copy is read in one step from a snapshot: in WAL mode the site keeps reading and
    writing meanwhile. The copy leaves WAL mode so that it is one self-contained file,
    and opening it later writes no -wal or -shm file next to it.
    """
    open_private(path).close()  # created 0600 before SQLite opens it
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
    with open(path, "rb+") as written:
        sync(written)


def _sqlite_load(path):
    """Copy the backup over the live database through the same API, in one transaction.

    Other connections (a running site) see the restored content at their next read; the
    live file keeps its WAL mode. The checkpoint leaves no page of the replaced content in
    the write-ahead log.
    """
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        connection.ensure_connection()
        source.backup(connection.connection)
    finally:
        source.close()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _pg_command(name):
    program = shutil.which(name)
    if program is None:
        raise BackupError(
            f"{name} was not found: install the PostgreSQL client of the server's version."
        )
    return program


def _pg_environment():
    """Return the environment that connects pg_dump and pg_restore to the configured database.

    Django's own psql client builds the password, SSL and service variables; the
    password goes through PGPASSWORD and never on a command line, which other users of
    the machine can read.
    """
    settings_dict = connection.settings_dict
    _args, extra = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    environment = {**os.environ, **(extra or {})}
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER")):
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    return environment


def _run(arguments, **kwargs):
    result = subprocess.run(  # noqa: S603  # nosec B603  # fixed arguments, no shell
        arguments, env=_pg_environment(), stderr=subprocess.PIPE, check=False, **kwargs
    )
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip()
        raise BackupError(f"{os.path.basename(arguments[0])} failed: {message}")


def _pg_dump(path):
    """Write the database in pg_dump's custom format (compressed, for pg_restore)."""
    with open_private(path) as target:
        _run(
            [
                _pg_command("pg_dump"),
                "--format=custom",
                "--no-password",
                f"--dbname={connection.settings_dict['NAME']}",
            ],
            stdout=target,
        )
        sync(target)


def _pg_restore(path):
    """Replace the database's tables with the dump's, in one transaction (all or nothing).

    Django's own connection is closed first: it would otherwise hold the locks that
    dropping the tables waits for.
    """
    connection.close()
    _run(
        [
            _pg_command("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--no-password",
            f"--dbname={connection.settings_dict['NAME']}",
            str(path),
        ],
        stdout=subprocess.DEVNULL,
    )
