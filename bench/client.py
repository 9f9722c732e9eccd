"""One HTTP request to the server under test, on loopback; anything but 200 is an error."""

import http.client


def fetch(port, path, method="GET", body=None, headers=None):
    """Return the body of a 200 response; raise RuntimeError otherwise."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(method, path, body=body, headers={"Host": "127.0.0.1", **(headers or {})})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{method} {path} answered {response.status}: {data[:200]!r}")
    return data
