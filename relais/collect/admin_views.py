"""Editors' side, inside the Wagtail admin: invite, review, return, turn into a story."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import accounts, publishing, workflow
from .choices import TestimonyStatus
from .forms import ReturnForm
from .models import Testimony


class InviteForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Ambassador's email address"))
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=150, required=False)


def editor_required(view):
    def wrapper(request, *args, **kwargs):
        if not accounts.is_editor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@editor_required
def testimony_list(request):
    testimonies = Testimony.objects.exclude(status=TestimonyStatus.DRAFT).select_related("owner")
    return render(request, "collect/admin/testimony_list.html", {"testimonies": testimonies})


@editor_required
def testimony_review(request, pk):
    testimony = get_object_or_404(Testimony.objects.exclude(status=TestimonyStatus.DRAFT), pk=pk)
    context = {
        "testimony": testimony,
        "answers": testimony.answers.exclude(text="").select_related("question__stage"),
        "return_form": ReturnForm(),
    }
    return render(request, "collect/admin/testimony_review.html", context)


@editor_required
@require_POST
def testimony_action(request, pk, action):
    testimony = get_object_or_404(Testimony.objects.exclude(status=TestimonyStatus.DRAFT), pk=pk)
    if action == "review":
        workflow.change_status(testimony, TestimonyStatus.IN_REVIEW, request.user)
    elif action == "return":
        form = ReturnForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Write a comment for the ambassador."))
            return redirect("collect_admin:review", pk=pk)
        workflow.change_status(
            testimony, TestimonyStatus.RETURNED, request.user, form.cleaned_data["comment"]
        )
    elif action == "story":
        story = publishing.create_story_draft(testimony, request.user)
        messages.success(request, _("A draft story was created: edit it, then publish it."))
        return redirect("wagtailadmin_pages:edit", story.pk)
    else:
        raise PermissionDenied
    messages.success(request, _("Done."))
    return redirect("collect_admin:review", pk=pk)


@editor_required
def invite(request):
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accounts.invite_ambassador(form.cleaned_data["email"], form.cleaned_data["first_name"])
        messages.success(request, _("The invitation was sent."))
        return redirect("collect_admin:list")
    return render(request, "collect/admin/invite.html", {"form": form})
