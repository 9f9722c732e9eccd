"""What every public form shares: a trap field for robots and a limit on bursts of posts.

Public forms (idea box, questions to an ambassador, keeping one's path) are open to anyone
without an account, so robots and floods are expected. A refused post is never lost: the
view shows the form again, with the visitor's text, and a French message saying why.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .sign_in_lockout import client_address, count, throttle_key

TRAP_FIELD = "website"


class TrapMixin(forms.Form):
    """Add a field hidden from people (CSS `display: none`); robots fill it in.

    Render it with `{% include "includes/trap_field.html" %}` inside the form. A post with
    the field filled in is treated as sent and dropped (`form.is_trapped()`), so that a
    robot learns nothing.
    """

    website = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=200, strip=False
    )

    def is_trapped(self):
        return bool(self.data.get(TRAP_FIELD, ""))


def within_limit(request, kind, limit, seconds, *parts):
    """Count one post of `kind` from this address (with `parts`, say a recipient).

    Return False once more than `limit` posts were counted within `seconds` of the first.
    Counters live in the default cache (Redis when several servers run), as the sign-in
    lockout's do.
    """
    key = throttle_key(f"post-{kind}", client_address(request), *map(str, parts))
    return count(key, seconds) <= limit


def within_target_limit(kind, limit, seconds, target):
    """Count one post of `kind` to `target` (an ambassador, say), from any address."""
    return count(throttle_key(f"post-to-{kind}", str(target)), seconds) <= limit
