"""Talk to the site under test: HTTP on loopback, and its Django shell."""

import http.client
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def fetch(port, path, method="GET", body=None, headers=None, timeout=120):
    """Return the body of a 200 response; raise RuntimeError otherwise."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    connection.request(method, path, body=body, headers={"Host": "127.0.0.1", **(headers or {})})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{method} {path} answered {response.status}: {data[:200]!r}")
    return data


def django_shell(env, code):
    """Run Python code in `manage.py shell` of the site under test; return its last line."""
    out = subprocess.run(  # noqa: S603 - fixed command, code written by the benchmark
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out.strip().splitlines()[-1]
