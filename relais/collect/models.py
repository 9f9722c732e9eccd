"""Testimonies told by ambassadors, stage by stage, with media and versioned consent."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from .choices import EDITABLE_BY_OWNER, MediaStatus, TestimonyStatus
from .storage import private_storage

TEXT_MAX_LENGTH = 10_000
THUMBNAIL_SUFFIX = ".vignette.jpg"


def private_name(instance, filename):
    """Store uploads under a random name: the user's filename never reaches the disk."""
    return f"collect/{instance.testimony_id}/{uuid.uuid4().hex}"


class InterviewQuestion(Orderable):
    """One question of the interview grid, asked at one stage of the programme."""

    stage = models.ForeignKey(
        "journey.Stage", on_delete=models.CASCADE, related_name="questions", verbose_name=_("stage")
    )
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    required = models.BooleanField(_("required"), default=False)

    panels = [
        FieldPanel("stage"),
        FieldPanel("text"),
        FieldPanel("help_text"),
        FieldPanel("required"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("interview question")
        verbose_name_plural = _("interview grid")

    def __str__(self):
        return self.text


class ConsentText(models.Model):
    """A version of the consent text; the version accepted is stored with each testimony."""

    version = models.CharField(_("version"), max_length=40, unique=True)
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("version"), FieldPanel("text")]

    class Meta:
        get_latest_by = "created_at"
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")

    def __str__(self):
        return self.version


class Testimony(models.Model):
    """An ambassador's experience; only its owner and editors can see it."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="testimonies"
    )
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=TestimonyStatus.choices, default=TestimonyStatus.DRAFT
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    public_name = models.CharField(_("public name or pseudonym"), max_length=120, blank=True)
    consent = models.ForeignKey(ConsentText, on_delete=models.PROTECT, null=True, blank=True)
    consent_text_scope = models.BooleanField(_("publish my text"), default=False)
    consent_image_scope = models.BooleanField(_("publish my photos"), default=False)
    consent_voice_scope = models.BooleanField(_("publish my voice"), default=False)
    consented_at = models.DateTimeField(null=True, blank=True)
    editor_comment = models.TextField(
        _("editor's comments"), blank=True, max_length=TEXT_MAX_LENGTH
    )
    story = models.ForeignKey(
        "stories.StoryPage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # What editors made from the testimony, so that a withdrawal can erase all of it.
    story_images = models.ManyToManyField("wagtailimages.Image", blank=True, related_name="+")
    story_capsules = models.ManyToManyField("stories.AudioCapsule", blank=True, related_name="+")
    # The profile made for a public name other than the owner's own profile's: consent to
    # this testimony never renames that profile, and a withdrawal erases this one.
    pen_name_profile = models.ForeignKey(
        "journey.Ambassador", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("testimony")
        verbose_name_plural = _("testimonies")

    def __str__(self):
        return self.title

    @property
    def editable_by_owner(self):
        return self.status in EDITABLE_BY_OWNER


class Answer(models.Model):
    testimony = models.ForeignKey(Testimony, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(InterviewQuestion, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["testimony", "question"], name="one_answer_per_question"
            )
        ]

    def __str__(self):
        return f"{self.testimony_id}/{self.question_id}"


class TestimonyPhoto(models.Model):
    testimony = models.ForeignKey(Testimony, on_delete=models.CASCADE, related_name="photos")
    # In file URLs instead of the sequential id, so that one file's address gives no other's.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    file = models.FileField(storage=private_storage, upload_to=private_name, max_length=200)
    content_type = models.CharField(max_length=40)
    alt_text = models.CharField(_("alternative text"), max_length=250, blank=True)
    display_name = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    # Files stored next to a field's file, named after it: check_media counts them as used.
    derived_file_suffixes = {"file": (THUMBNAIL_SUFFIX,)}

    def __str__(self):
        return self.display_name or f"photo {self.pk}"

    @property
    def thumbnail_name(self):
        """Return the storage name of the photo's preview, derived from the original's."""
        return f"{self.file.name}{THUMBNAIL_SUFFIX}"

    def delete_files(self):
        """Erase the original and its preview from storage."""
        storage = self.file.storage
        if storage.exists(self.thumbnail_name):
            storage.delete(self.thumbnail_name)
        self.file.delete(save=False)


class TestimonyAudio(models.Model):
    testimony = models.ForeignKey(Testimony, on_delete=models.CASCADE, related_name="recordings")
    # In file URLs instead of the sequential id, so that one file's address gives no other's.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    original = models.FileField(storage=private_storage, upload_to=private_name, max_length=200)
    web_ogg = models.FileField(
        storage=private_storage, upload_to=private_name, max_length=200, blank=True
    )
    web_mp3 = models.FileField(
        storage=private_storage, upload_to=private_name, max_length=200, blank=True
    )
    duration_seconds = models.FloatField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=MediaStatus.choices, default=MediaStatus.PENDING
    )
    transcript = models.TextField(_("transcript"), blank=True, max_length=50_000)
    display_name = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.display_name or f"audio {self.pk}"

    def files(self):
        """Return every stored file of this recording (original and derived)."""
        return [f for f in (self.original, self.web_ogg, self.web_mp3) if f]

    def delete_files(self):
        """Erase the original and the web versions from storage."""
        for stored in self.files():
            stored.delete(save=False)


class StatusChange(models.Model):
    """Who moved a testimony from one status to another, and when."""

    testimony = models.ForeignKey(Testimony, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=20, choices=TestimonyStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=TestimonyStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    comment = models.TextField(blank=True, max_length=TEXT_MAX_LENGTH)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"
