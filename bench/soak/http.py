"""HTTP on loopback with every response recorded: kind, status and latency."""

import http.client
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

TIMEOUT_SECONDS = 60
TRANSPORT_ERROR = 0  # the status recorded when no response came back at all


@dataclass
class Sample:
    kind: str
    status: int
    seconds: float
    at: float  # time.monotonic() when the response was complete
    what: str = ""  # method and path, kept for failures only


@dataclass
class Recorder:
    """Collect every response of the soak (list.append is atomic: threads share it)."""

    samples: list = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def record(self, kind, status, seconds, what):
        failed = status == TRANSPORT_ERROR or status >= 400
        self.samples.append(Sample(kind, status, seconds, time.monotonic(), what if failed else ""))


class Client:
    """One visitor's or ambassador's HTTP client: a cookie jar and a recorder."""

    def __init__(self, base_url, recorder):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.recorder = recorder
        self.cookies = {}

    def get(self, kind, url, headers=None):
        return self.request(kind, "GET", url, headers=headers)

    def post(self, kind, path, body, content_type, headers=None):
        headers = {"Content-Type": content_type, **(headers or {})}
        return self.request(kind, "POST", path, body=body, headers=headers)

    def request(self, kind, method, url, body=None, headers=None):
        """Return (status, headers, body); status 0 if the connection failed."""
        parts = urlsplit(url)
        host, port = parts.hostname or self.host, parts.port or self.port
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        headers = {"Host": f"{host}:{port}", **(headers or {})}
        if self.cookies and host == self.host and port == self.port:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        start = time.perf_counter()
        connection = http.client.HTTPConnection(host, port, timeout=TIMEOUT_SECONDS)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as error:
            elapsed = time.perf_counter() - start
            self.recorder.record(kind, TRANSPORT_ERROR, elapsed, f"{method} {url}: {error!r}")
            return TRANSPORT_ERROR, {}, b""
        finally:
            connection.close()
        self.recorder.record(kind, response.status, time.perf_counter() - start, f"{method} {url}")
        self._keep_cookies(response.headers.get_all("Set-Cookie") or [])
        return response.status, response.headers, data

    def _keep_cookies(self, set_cookies):
        for header in set_cookies:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
