"""Every environment variable the settings read is documented in `.env.example`."""

import re

from django.conf import settings

SETTINGS_DIR = settings.BASE_DIR / "config" / "settings"
READ = re.compile(
    r"""(?:os\.environ(?:\.get)?[\[(]|env_(?:bool|list|required)\()["']([A-Z0-9_]+)"""
)
DOCUMENTED = re.compile(r"^([A-Z0-9_]+)=", re.MULTILINE)


def variables_read():
    return {name for path in SETTINGS_DIR.glob("*.py") for name in READ.findall(path.read_text())}


def test_env_example_lists_every_variable_the_settings_read():
    documented = set(DOCUMENTED.findall((settings.BASE_DIR / ".env.example").read_text()))
    assert {"SECRET_KEY", "SECURE_HSTS_PRELOAD"} <= variables_read()
    assert variables_read() - documented == set()
