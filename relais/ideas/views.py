"""Public pages: the idea box (its form and its thank-you page) and the FAQ.

The form's page carries a CSRF token, so it is never cached; the thank-you page and the
FAQ set no cookie and are cached like every public page.
"""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from relais.core.page_cache import declare, public_page
from relais.core.public_forms import within_limit

from .faq import faq_sections
from .forms import IdeaForm
from .signals import FAQ

THANKS = "ideas:thanks"  # the thank-you page shows nothing but the site's chrome


def burst_limit():
    """Return (posts, seconds): how many ideas one address may send in how long."""
    return (
        getattr(settings, "RELAIS_IDEA_POSTS_PER_HOUR", 5),
        getattr(settings, "RELAIS_IDEA_POSTS_WINDOW_SECONDS", 3600),
    )


@never_cache
@public_page()
def idea_box(request):
    """Show the form; store a valid idea and send the visitor to the thank-you page.

    A robot's post (trap field filled in) is answered like a sent one and dropped. A post
    beyond the per-address limit is answered 429 with the form and the text as typed.
    """
    form = IdeaForm(request.POST if request.method == "POST" else None)
    status = 200
    if form.is_bound:
        if form.is_trapped():
            return redirect("ideas:thanks")
        if form.is_valid():
            if within_limit(request, "idea", *burst_limit()):
                form.save()
                return redirect("ideas:thanks")
            form.add_error(
                None,
                _(
                    "You have sent several messages in a short time: wait an hour before "
                    "sending this one. Your text is kept below."
                ),
            )
            status = 429
        else:
            status = 400
    return render(request, "ideas/idea_form.html", {"form": form}, status=status)


@public_page()
def thanks(request):
    declare(request, THANKS)
    return render(request, "ideas/idea_thanks.html")


@public_page()
def faq(request):
    """Show the published questions, grouped by stage in the programme's order."""
    declare(request, FAQ)
    return render(request, "ideas/faq.html", {"sections": faq_sections()})
