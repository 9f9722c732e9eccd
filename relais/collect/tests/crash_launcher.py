"""Start gunicorn servers of Relais for the crash test, each forked from one loaded Python.

Usage: ``python -m relais.collect.tests.crash_launcher LOG REPORT`` (environment: the
server's settings), then on standard input ``start PORT`` (answers the server's process id)
and ``reap PID`` (answers once that server, killed by the test, is gone).

Importing Django and Wagtail takes seconds; restarting twenty times would take most of the
test. So this process loads the application once, as ``gunicorn --preload`` does, and forks
a new server for each start: the server runs in a session of its own, so one
``killpg(SIGKILL)`` kills its master, its workers and their ffmpeg or Pillow children at
once. Before serving, it runs what an operator runs before a server starts:
``check_media --fix --min-age 0``.
"""

import os
import signal
import sys

WORKERS = 2
THREADS = 3


def serve(application, port, log, report):
    """In the forked child: clean up what the last crash left, then serve with gunicorn."""
    from gunicorn.app.base import BaseApplication

    from django.core.management import call_command
    from django.db import connections

    os.setsid()
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    for standard in (0, 1, 2):  # never write on the launcher's pipes
        os.dup2(fd, standard)
    with open(report, "a") as out:
        call_command("check_media", "--fix", "--min-age", "0", stdout=out)
    connections.close_all()  # never hand an open connection to forked workers

    class Server(BaseApplication):
        def load_config(self):
            options = {
                "bind": f"127.0.0.1:{port}",
                "workers": WORKERS,
                "threads": THREADS,
                "timeout": 60,
                "preload_app": True,
                "loglevel": "error",
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):
            return application

    Server().run()


def main(log, report):
    from django.core.wsgi import get_wsgi_application
    from django.urls import get_resolver

    application = get_wsgi_application()
    get_resolver().url_patterns  # noqa: B018 - import every view now, once
    server = None
    for line in sys.stdin:
        command, argument = line.split()
        if command == "start":
            server = os.fork()
            if server == 0:
                try:
                    serve(application, int(argument), log, report)
                finally:
                    os._exit(1)
            print(server, flush=True)
        elif command == "reap":
            os.waitpid(int(argument), 0)
            server = None
            print("reaped", flush=True)
    if server:  # the test went away without killing it: leave nothing running
        os.killpg(server, signal.SIGKILL)


if __name__ == "__main__":
    main(*sys.argv[1:3])
