"""Headless Chromium shared by the browser tests of every app."""

import shutil

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # A synthetic microphone, so that the in-browser recorder can be exercised headless.
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
]
